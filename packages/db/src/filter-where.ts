/**
 * Turns a parsed v3 filter (packages/domain/src/filter.ts) into a Prisma `where`: fields are
 * ANDed, `or` alternatives ORed; `after`/`before` are strict bounds.
 */
import type { Condition, Filter } from "@jobmanager/domain";

export function filterWhere<F extends string>(filter: Filter<F>, columns: Partial<Record<F, string>> = {}): { AND: object[] } {
  const AND: object[] = [];
  for (const [field, conditions] of Object.entries(filter) as Array<[F, Condition[]]>) {
    const column = columns[field] ?? field;
    for (const condition of conditions) AND.push(conditionWhere(column, condition));
  }
  return { AND };
}

function conditionWhere(column: string, condition: Condition): object {
  switch (condition.op) {
    case "eq":
      return { [column]: condition.value };
    case "contains":
      return { [column]: { contains: condition.value } };
    case "gt":
      return { [column]: { gt: condition.value } };
    case "after":
      return { [column]: { gt: condition.value } };
    case "before":
      return { [column]: { lt: condition.value } };
    case "or":
      return { OR: condition.conditions.map((c) => conditionWhere(column, c)) };
  }
}
