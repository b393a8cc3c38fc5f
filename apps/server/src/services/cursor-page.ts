/**
 * Cursor paging for the GraphQL lists (jobs, models, configurations; folders page by name): `first` (1–100) items
 * after the item whose id is `after`, in a fixed total order; a cursor that names no item of
 * the list is a 400. One more row than asked is read to know whether a next page exists.
 */
import { ValidationError } from "@jobmanager/domain";

export interface CursorQuery {
  first: number;
  after?: string | null;
}

export interface CursorPage<T> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export function assertFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError("first must be between 1 and 100.");
}

export function unknownCursor(after: string, what: string): ValidationError {
  return new ValidationError(`The cursor '${after}' does not name one of the ${what} listed.`);
}

/** Pages one table through Prisma's cursor: `find` gets `take` and, after the first page, `cursor` and `skip`. */
export async function cursorPage<T>(
  { first, after }: CursorQuery,
  what: string,
  source: {
    exists(id: string): Promise<boolean>;
    find(args: { take: number; cursor?: { id: string }; skip?: number }): Promise<T[]>;
    count(): Promise<number>;
  },
): Promise<CursorPage<T>> {
  assertFirst(first);
  if (after && !(await source.exists(after))) throw unknownCursor(after, what);
  const [rows, totalCount] = await Promise.all([
    source.find({ take: first + 1, ...(after ? { cursor: { id: after }, skip: 1 } : {}) }),
    source.count(),
  ]);
  return { nodes: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
}
