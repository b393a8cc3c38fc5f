/**
 * Turns a parsed v3 filter (packages/domain/src/filter.ts) into a query: a Prisma `where`
 * (filterWhere) or, for the raw hot paths, an SQL condition with its parameters (filterSql).
 * Both follow one reading: fields are ANDed, `or` alternatives ORed, `after`/`before` strict
 * bounds, `contains` a LIKE substring match (job-list.test.ts checks that they select the same rows).
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

export interface SqlCondition {
  /** `TRUE`, or conditions joined by AND, with `?` placeholders; column names are quoted. */
  sql: string;
  params: Array<string | number>;
}

/**
 * The same filter as an SQL condition. Column names come from the filter spec (never from the
 * request); values are always parameters. Dates are compared in the text form Prisma stores.
 */
export function filterSql<F extends string>(filter: Filter<F>, columns: Partial<Record<F, string>> = {}): SqlCondition {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  for (const [field, conditions] of Object.entries(filter) as Array<[F, Condition[]]>) {
    const column = `"${columns[field] ?? field}"`;
    for (const condition of conditions) parts.push(conditionSql(column, condition, params));
  }
  return { sql: parts.length ? parts.join(" AND ") : "TRUE", params };
}

function conditionSql(column: string, condition: Condition, params: Array<string | number>): string {
  switch (condition.op) {
    case "eq":
      params.push(condition.value);
      return `${column} = ?`;
    case "contains":
      // As Prisma's `contains` on SQLite: LIKE without ESCAPE, so `%` and `_` in the value
      // are wildcards there too (matchesFilter, for live updates, reads them literally).
      params.push(`%${condition.value}%`);
      return `${column} LIKE ?`;
    case "gt":
      params.push(condition.value);
      return `${column} > ?`;
    case "after":
      params.push(sqliteDate(condition.value));
      return `${column} > ?`;
    case "before":
      params.push(sqliteDate(condition.value));
      return `${column} < ?`;
    case "or":
      return `(${condition.conditions.map((c) => conditionSql(column, c, params)).join(" OR ")})`;
  }
}

/** A date as Prisma's SQLite adapter stores it (ISO 8601 with `+00:00`), so text order is time order. */
function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
