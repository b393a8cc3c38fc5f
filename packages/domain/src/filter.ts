/**
 * The v3 filter language: URL-encoded JSON whose top-level fields are ANDed, each with one
 * operator object, e.g. `{"status":{"or":[{"eq":"STOPPED"},{"eq":"FAILED"}]},
 * "creationDate":{"after":"2018-06-23T20:09:00Z"}}`. Parsing is pure and strict: an unknown
 * field or operator, or a value of the wrong type, is a ValidationError (400), never a silent
 * match-all. The database layer turns the result into a query.
 */
import { ValidationError } from "./errors";

export type FieldType = "string" | "date" | "enum";

export interface FieldSpec {
  type: FieldType;
  /** Allowed operators for this field. */
  operators: readonly Operator[];
  /** For enums: the allowed values. */
  values?: readonly string[];
}

export type Operator = "eq" | "contains" | "after" | "before" | "gt";

/** One comparison; `or` lists alternatives for one field. */
export type Condition =
  | { op: "eq" | "contains" | "gt"; value: string }
  | { op: "after" | "before"; value: Date }
  | { op: "or"; conditions: Condition[] };

export type Filter<F extends string = string> = Partial<Record<F, Condition[]>>;

export function parseFilter<F extends string>(text: string | undefined, spec: Record<F, FieldSpec>): Filter<F> {
  if (text === undefined || text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`The filter is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new ValidationError("The filter must be a JSON object of fields, e.g. {\"status\":{\"eq\":\"FAILED\"}}.");
  const filter: Filter<F> = {};
  for (const [field, value] of Object.entries(json)) {
    if (!Object.hasOwn(spec, field)) {
      throw new ValidationError(`The filter field '${field}' is not supported (supported: ${Object.keys(spec).join(", ")}).`);
    }
    filter[field as F] = parseConditions(field, value, spec[field as F]);
  }
  return filter;
}

function parseConditions(field: string, value: unknown, spec: FieldSpec): Condition[] {
  if (!isObject(value) || Object.keys(value).length === 0) {
    throw new ValidationError(`The filter for '${field}' must be an object with an operator, e.g. {"eq": …}.`);
  }
  return Object.entries(value).map(([op, operand]) => parseCondition(field, op, operand, spec));
}

function parseCondition(field: string, op: string, operand: unknown, spec: FieldSpec): Condition {
  if (op === "or") {
    if (!Array.isArray(operand) || operand.length === 0) {
      throw new ValidationError(`'or' on '${field}' needs a non-empty list of conditions.`);
    }
    return { op: "or", conditions: operand.flatMap((item) => parseConditions(field, item, spec)) };
  }
  if (!(spec.operators as readonly string[]).includes(op)) {
    throw new ValidationError(`The operator '${op}' is not supported on '${field}' (supported: ${[...spec.operators, "or"].join(", ")}).`);
  }
  if (op === "after" || op === "before") {
    const date = typeof operand === "string" ? new Date(operand) : null;
    if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d\d-\d\d/.test(operand as string)) {
      throw new ValidationError(`'${op}' on '${field}' needs an ISO 8601 date, e.g. "2018-06-23T20:09:00Z".`);
    }
    return { op, value: date };
  }
  if (typeof operand !== "string") throw new ValidationError(`'${op}' on '${field}' needs a string value.`);
  if (spec.type === "enum" && op === "eq" && !spec.values?.includes(operand)) {
    throw new ValidationError(`'${operand}' is not a valid ${field} (one of: ${spec.values?.join(", ")}).`);
  }
  if (spec.type === "date" && (op === "eq" || op === "gt")) {
    if (Number.isNaN(new Date(operand).getTime())) throw new ValidationError(`'${op}' on '${field}' needs an ISO 8601 date.`);
  }
  return { op: op as "eq" | "contains" | "gt", value: operand };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether a record matches a parsed filter, for live subscriptions (the database applies the
 * same filter to queries). `contains` ignores case, as SQLite's LIKE does for ASCII.
 */
export function matchesFilter<F extends string>(filter: Filter<F>, record: Record<F, string | Date>): boolean {
  return (Object.entries(filter) as Array<[F, Condition[]]>).every(([field, conditions]) =>
    conditions.every((condition) => matches(condition, record[field])),
  );
}

function matches(condition: Condition, value: string | Date): boolean {
  const text = value instanceof Date ? value.toISOString() : value;
  switch (condition.op) {
    case "eq":
      return value instanceof Date ? value.getTime() === new Date(condition.value).getTime() : text === condition.value;
    case "contains":
      return text.toLowerCase().includes(condition.value.toLowerCase());
    case "gt":
      return value instanceof Date ? value.getTime() > new Date(condition.value).getTime() : text > condition.value;
    case "after":
      return new Date(value).getTime() > condition.value.getTime();
    case "before":
      return new Date(value).getTime() < condition.value.getTime();
    case "or":
      return condition.conditions.some((c) => matches(c, value));
  }
}
