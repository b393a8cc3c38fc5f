/**
 * The configuration form's state, how it becomes a GraphQL input, and where the server's
 * validation messages belong. Pure, so it is tested without a browser.
 *
 * What must stay true: a stored secret's value is never in the form; an empty value of a
 * stored secret is sent without `value`, so the server keeps the stored one.
 */
import { mapFieldErrors, type FieldErrors } from "./fieldErrors";
import type { Configuration, ConfigurationInput } from "./graphql-configurations";

export type VariableRow = { key: number; name: string; value: string; secret: boolean; /** A secret the server holds a value for. */ stored: boolean };

export type ConfigurationFormState = {
  name: string;
  description: string;
  interpreters: string[];
  variables: VariableRow[];
  memoryLimitMb: string;
  processLimit: string;
  network: boolean;
  maxInstances: string;
};

export type ConfigurationField = "name" | "description" | "interpreters" | "variables" | "memoryLimitMb" | "processLimit" | "network" | "maxInstances";
export const CONFIGURATION_FIELDS: readonly ConfigurationField[] = ["name", "description", "interpreters", "variables", "memoryLimitMb", "processLimit", "network", "maxInstances"];

let nextKey = 1;
export function newVariableRow(): VariableRow {
  return { key: nextKey++, name: "", value: "", secret: false, stored: false };
}

export function emptyConfigurationForm(): ConfigurationFormState {
  return { name: "", description: "", interpreters: ["md", "python", "sh", "html"], variables: [], memoryLimitMb: "", processLimit: "", network: false, maxInstances: "1" };
}

export function formFromConfiguration(configuration: Configuration): ConfigurationFormState {
  return {
    name: configuration.name,
    description: configuration.description,
    interpreters: [...configuration.interpreters],
    variables: configuration.variables.map((v) => ({ key: nextKey++, name: v.name, value: v.secret ? "" : (v.value ?? ""), secret: v.secret, stored: v.secret })),
    memoryLimitMb: configuration.memoryLimitMb === null ? "" : String(configuration.memoryLimitMb),
    processLimit: configuration.processLimit === null ? "" : String(configuration.processLimit),
    network: configuration.network,
    maxInstances: String(configuration.maxInstances),
  };
}

/** An optional whole number: "" is no limit (null); anything else must be a whole number. */
function optionalWhole(text: string): number | null | "invalid" {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : "invalid";
}

/**
 * The input to send, or field errors found before sending (only what the browser can know:
 * numbers that are not numbers). Range rules stay the server's, whose message shows.
 */
export function toConfigurationInput(form: ConfigurationFormState): { input: ConfigurationInput } | { errors: Partial<Record<ConfigurationField, string>> } {
  const errors: Partial<Record<ConfigurationField, string>> = {};
  const memory = optionalWhole(form.memoryLimitMb);
  const processes = optionalWhole(form.processLimit);
  const instances = Number(form.maxInstances);
  if (memory === "invalid") errors.memoryLimitMb = "Enter a whole number of megabytes, or leave it empty for no limit.";
  if (processes === "invalid") errors.processLimit = "Enter a whole number, or leave it empty for no limit.";
  if (!form.maxInstances.trim() || !Number.isInteger(instances)) errors.maxInstances = "Enter a whole number.";
  if (Object.keys(errors).length > 0 || memory === "invalid" || processes === "invalid") return { errors };
  return {
    input: {
      name: form.name.trim(),
      description: form.description,
      interpreters: form.interpreters,
      variables: form.variables.map((v) => (v.secret && v.stored && v.value === "" ? { name: v.name.trim(), secret: true } : { name: v.name.trim(), value: v.value, secret: v.secret })),
      memoryLimitMb: memory,
      processLimit: processes,
      network: form.network,
      maxInstances: instances,
    },
  };
}

/**
 * The server's message onto the form: `variables.2.name: …` belongs to the variables (as
 * "variable 3: …"), a name clash to the name, the rest as mapFieldErrors decides.
 */
export function mapConfigurationError(message: string): FieldErrors<ConfigurationField> {
  if (/named '.*' already exists/.test(message)) return { fields: { name: message }, rest: null };
  const normalised = message.replace(/variables\.(\d+)\.(\w+): /g, (_, index: string, field: string) => `variables: variable ${Number(index) + 1} ${field}: `);
  return mapFieldErrors(normalised, CONFIGURATION_FIELDS);
}
