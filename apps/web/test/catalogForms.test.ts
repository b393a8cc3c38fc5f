/** The models and configurations forms' pure helpers: inputs built from form state, server messages placed on fields. */
import { describe, expect, it } from "vitest";
import { emptyConfigurationForm, formFromConfiguration, mapConfigurationError, toConfigurationInput } from "../lib/configurationForm";
import { mapUploadError } from "../lib/fieldErrors";

const stored = {
  id: "c1",
  name: "Spark-free",
  description: "",
  interpreters: ["python"],
  variables: [
    { name: "API_KEY", value: null, secret: true },
    { name: "REGION", value: "eu", secret: false },
  ],
  memoryLimitMb: 256,
  processLimit: null,
  network: false,
  maxInstances: 2,
  creationDate: "2026-01-01T00:00:00.000Z",
  modifiedDate: "2026-01-01T00:00:00.000Z",
};

describe("configuration form", () => {
  it("never puts a stored secret in the form and sends it without a value, so the server keeps it", () => {
    const form = formFromConfiguration(stored);
    expect(form.variables.map((v) => v.value)).toEqual(["", "eu"]);
    const built = toConfigurationInput(form);
    expect("input" in built && built.input.variables).toEqual([
      { name: "API_KEY", secret: true },
      { name: "REGION", value: "eu", secret: false },
    ]);
    expect("input" in built && built.input).toMatchObject({ memoryLimitMb: 256, processLimit: null, maxInstances: 2 });
  });

  it("sends a retyped secret, and refuses numbers that are not whole numbers before sending", () => {
    const form = formFromConfiguration(stored);
    form.variables[0]!.value = "new";
    const built = toConfigurationInput(form);
    expect("input" in built && built.input.variables[0]).toEqual({ name: "API_KEY", value: "new", secret: true });
    expect(toConfigurationInput({ ...emptyConfigurationForm(), name: "x", memoryLimitMb: "1.5", maxInstances: "" })).toEqual({
      errors: { memoryLimitMb: expect.any(String), maxInstances: expect.any(String) },
    });
  });

  it.each([
    ["Invalid input: memoryLimitMb must be at least 16.", { memoryLimitMb: "memoryLimitMb must be at least 16" }, null],
    ["Invalid input: variables.1.name: variable names are letters, digits and '_', not starting with a digit.", { variables: "variable 2 name: variable names are letters, digits and '_', not starting with a digit" }, null],
    ["An environment configuration named 'a' already exists.", { name: "An environment configuration named 'a' already exists." }, null],
    ["Something else.", {}, "Something else."],
  ])("places %j on its field", (message, fields, rest) => {
    expect(mapConfigurationError(message)).toEqual({ fields, rest });
  });
});

describe("model upload errors", () => {
  it.each([
    ["Invalid notebook: the note has no paragraphs", { file: "Invalid notebook: the note has no paragraphs" }, null],
    ["Invalid input: name: name must not be empty.", { name: "name must not be empty" }, null],
    ["The upload is larger than the limit of 10 bytes.", { file: "The upload is larger than the limit of 10 bytes." }, null],
  ])("places %j on its field", (message, fields, rest) => {
    expect(mapUploadError(message)).toEqual({ fields, rest });
  });
});
