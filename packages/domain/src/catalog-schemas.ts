/**
 * Input contracts of the catalog (models, Data Exchange, configurations), shared by REST and
 * GraphQL through `parseInput`. Query-string values arrive as strings, so numbers coerce.
 */
import { z } from "zod";
import { ValidationError } from "./errors";

const text = (field: string, max = 256) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) }).trim().min(1, `${field} must not be empty`).max(max, `${field} must be at most ${max} characters`);

/** Data Exchange names: letters, digits, `- _ . ( )` and space; never only dots (`.`, `..`). */
const NAME = /^[\p{L}\p{N}\-_.() ]+$/u;
export const ItemName = z
  .string({ error: "name is required and must be a string" })
  .min(1, "name must not be empty")
  .refine((name) => NAME.test(name), "name may only contain letters, digits, '-', '_', '.', '(', ')' and spaces")
  .refine((name) => !/^\.+$/.test(name), "name must not be '.' or '..'");

/** The longest path (`a/b/c.csv`) a file or folder may have, in UTF-8 bytes. */
export const MAX_PATH_BYTES = 1024;

const parentId = z.string({ error: "parentId is required and must be a string" }).min(1, "parentId must not be empty");

export const CreateDirectoryInput = z.object({ name: ItemName, parentId });
export type CreateDirectoryInput = z.infer<typeof CreateDirectoryInput>;

export const FileMetadata = z.object({ name: ItemName, parentId, type: z.string().max(255).optional() });
export type FileMetadata = z.infer<typeof FileMetadata>;

/** Rename and/or move (PATCH …/properties); at least one of the two. */
export const MoveInput = z
  .object({ name: ItemName.optional(), parentId: parentId.optional() })
  .refine((input) => input.name !== undefined || input.parentId !== undefined, "give a new name, a new parentId, or both");
export type MoveInput = z.infer<typeof MoveInput>;


export const VersionDefinition = z
  .object({
    expirationDate: z.iso.datetime({ error: "lastVersion.expirationDate must be an ISO 8601 date" }).nullable().optional(),
    dependencies: z.array(z.object({ name: z.string(), type: z.string().optional(), version: z.string().optional() })).optional(),
    io: z.record(z.string(), z.unknown()).optional(),
    producedBy: z.array(z.string()).optional(),
    kpi: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) })).optional(),
  })
  .strip();
export type VersionDefinition = z.infer<typeof VersionDefinition>;

export const ModelMetadata = z.object({
  name: text("name"),
  description: z.string({ error: "description must be a string" }).max(4096).default(""),
  type: text("type").optional(),
  lastVersion: VersionDefinition.optional(),
});
export type ModelMetadata = z.infer<typeof ModelMetadata>;

export const ModelPatch = z
  .object({ name: text("name").optional(), description: z.string({ error: "description must be a string" }).max(4096).optional(), type: text("type").optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "give at least one of name, description, type");
export type ModelPatch = z.infer<typeof ModelPatch>;

export const INTERPRETERS = ["md", "python", "sh", "html"] as const;

export const ConfigurationVariable = z.object({
  name: z.string({ error: "variables.name must be a string" }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "variable names are letters, digits and '_', not starting with a digit"),
  value: z.string({ error: "variables.value must be a string" }).max(32_768),
  secret: z.boolean({ error: "variables.secret must be true or false" }).default(false),
});
export type ConfigurationVariable = z.infer<typeof ConfigurationVariable>;

/** A whole number in a range; each rule names itself (a schema-wide message would call 5 "not a number"). */
const wholeNumberIn = (field: string, min: number, max: number) =>
  z
    .number({ error: (issue) => (issue.code === "invalid_type" ? `${field} must be a number` : undefined) })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

const configurationFields = {
  name: text("name"),
  description: z.string({ error: "description must be a string" }).max(4096).default(""),
  interpreters: z.array(z.enum(INTERPRETERS, { error: `interpreters must be among ${INTERPRETERS.join(", ")}` })).min(1, "enable at least one interpreter").default([...INTERPRETERS]),
  variables: z.array(ConfigurationVariable).max(200).default([]),
  memoryLimitMb: wholeNumberIn("memoryLimitMb", 16, 1_048_576).nullable().default(null),
  processLimit: wholeNumberIn("processLimit", 1, 100_000).nullable().default(null),
  network: z.boolean({ error: "network must be true or false" }).default(false),
  maxInstances: wholeNumberIn("maxInstances", 1, 1000).default(1),
};

export const ConfigurationInput = z.object(configurationFields);
export type ConfigurationInput = z.infer<typeof ConfigurationInput>;

/**
 * An update names only what changes. A secret variable sent without `value` keeps its stored
 * value (clients never see it, so they cannot send it back).
 */
export const ConfigurationPatch = z.object({
  name: configurationFields.name.optional(),
  description: z.string({ error: "description must be a string" }).max(4096).optional(),
  interpreters: configurationFields.interpreters.unwrap().optional(),
  variables: z.array(ConfigurationVariable.extend({ value: ConfigurationVariable.shape.value.optional() })).max(200).optional(),
  memoryLimitMb: configurationFields.memoryLimitMb.unwrap().optional(),
  processLimit: configurationFields.processLimit.unwrap().optional(),
  network: configurationFields.network.unwrap().optional(),
  maxInstances: configurationFields.maxInstances.unwrap().optional(),
});
export type ConfigurationPatch = z.infer<typeof ConfigurationPatch>;

/**
 * Text filters of the list routes: `{"name":{"contains":"x"}}`, `{"name":{"eq":"x"}}` or
 * `{"name":"x"}` (eq), top-level fields ANDed. A malformed filter is a 400, never match-all.
 */
export type TextFilter = Record<string, { eq?: string; contains?: string; startsWith?: string }>;

export function parseTextFilter(raw: unknown, fields: readonly string[]): TextFilter {
  if (raw === undefined || raw === null || raw === "") return {};
  let json: unknown = raw;
  if (typeof raw === "string") {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ValidationError(`The filter is not valid JSON: ${raw}`);
    }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new ValidationError("The filter must be a JSON object.");
  const filter: TextFilter = {};
  for (const [field, condition] of Object.entries(json)) {
    if (!fields.includes(field)) throw new ValidationError(`Unknown filter field '${field}'; use one of ${fields.join(", ")}.`);
    if (typeof condition === "string") {
      filter[field] = { eq: condition };
      continue;
    }
    if (typeof condition !== "object" || condition === null) throw new ValidationError(`The filter on '${field}' must be a string or an object.`);
    for (const [operator, value] of Object.entries(condition)) {
      if (!["eq", "contains", "startsWith"].includes(operator)) throw new ValidationError(`Unknown filter operator '${operator}' on '${field}'; use eq, contains or startsWith.`);
      if (typeof value !== "string") throw new ValidationError(`The filter value of '${field}.${operator}' must be a string.`);
    }
    filter[field] = condition as TextFilter[string];
  }
  return filter;
}
