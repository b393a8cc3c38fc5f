import type { TextFilter } from "@jobmanager/domain";

/** A parsed text filter (parseTextFilter) as a Prisma where: the fields ANDed, `eq` as `equals`. */
export function textFilterWhere(filter: TextFilter): Record<string, { equals?: string; contains?: string; startsWith?: string }> {
  return Object.fromEntries(
    Object.entries(filter).map(([field, { eq, contains, startsWith }]) => [
      field,
      { ...(eq !== undefined ? { equals: eq } : {}), ...(contains !== undefined ? { contains } : {}), ...(startsWith !== undefined ? { startsWith } : {}) },
    ]),
  );
}
