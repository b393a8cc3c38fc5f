/** The Data page's pure helpers, table-driven: sizes, REST error bodies, name messages. */
import { describe, expect, it } from "vitest";
import { nameFieldMessage } from "../lib/fieldErrors";
import { formatBytes } from "../lib/format";
import { restErrorMessage } from "../lib/errors";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1.0 KB"],
    [1536, "1.5 KB"],
    [741_234, "724 KB"],
    [5 * 1024 * 1024, "5.0 MB"],
    [-1, "—"],
  ])("shows %d bytes as %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe("restErrorMessage", () => {
  it.each([
    [409, JSON.stringify({ errors: [{ code: "jobmanager.conflict", message: "A file or folder named 'a' already exists in folder 'f'.", logref: "x" }] }), "A file or folder named 'a' already exists in folder 'f'."],
    [400, JSON.stringify({ errors: [{ message: "one" }, { message: "two" }] }), "one; two"],
    [413, "<html>too large</html>", "The file is larger than the server accepts."],
    [502, "", "The server answered 502."],
  ])("reads a %d answer", (status, body, message) => expect(restErrorMessage(status, body)).toBe(message));
});

describe("nameFieldMessage", () => {
  it.each([
    ["Invalid input: name: name may only contain letters, digits, '-', '_', '.', '(', ')' and spaces.", "Name may only contain letters, digits, '-', '_', '.', '(', ')' and spaces."],
    ["A file or folder named 'x.csv' already exists in folder '865967df-d55f'.", "A file or folder named 'x.csv' already exists in that folder."],
    ["Folder 'abc' was not found.", "Folder 'abc' was not found."],
  ])("turns %j into %j", (server, shown) => expect(nameFieldMessage(new Error(server))).toBe(shown));
});
