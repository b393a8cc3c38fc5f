import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseZeppelinNote } from "./zeppelin";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

describe("parseZeppelinNote", () => {
  it("reads a Zeppelin 0.9 .zpln note with interpreters, properties, titles and enabled flags", () => {
    const note = parseZeppelinNote(fixture("sample_2GE79Y5FV.zpln"));
    expect(note).toMatchObject({ format: "zeppelin", name: "Numbers", defaultInterpreter: "python", stopOnError: false });
    expect(note.paragraphs.map((p) => [p.id, p.interpreter, p.title, p.enabled])).toEqual([
      ["paragraph_1627269333820_1", "md", "Introduction", true],
      ["paragraph_1627269333820_2", "spark.pyspark", null, true],
      ["paragraph_1627269333820_3", "sh", "Switched off", false],
      ["paragraph_1627269333820_4", "python", null, true],
    ]);
    expect(note.paragraphs[0]?.code).toBe("# Hello\nThis note adds numbers.");
    expect(note.paragraphs[1]?.localProperties).toEqual({ pool: "pool_1", priority: "high" });
    expect(note.paragraphs[1]?.code).toBe("print(1 + 1)");
    expect(note.paragraphs[3]?.code).toBe("x = 40 + 2\nprint(x)");
  });

  it("reads a Zeppelin 0.8 note.json, taking the default interpreter from its config", () => {
    const note = parseZeppelinNote(fixture("2A94M5J1Z/note.json"));
    expect(note.name).toBe("Legacy note");
    expect(note.paragraphs.map((p) => [p.interpreter, p.code])).toEqual([
      ["sh", "echo hello"],
      ["python", "print('no directive')"],
    ]);
  });

  it("honours a note that asks to stop at the first error", () => {
    const note = parseZeppelinNote(JSON.stringify({ paragraphs: [{ text: "%sh\ntrue" }], config: { stopOnError: true } }));
    expect(note.stopOnError).toBe(true);
  });

  it.each([
    ["not JSON", "{paragraphs:", /not JSON/],
    ["an array", "[]", /JSON object/],
    ["no paragraphs", JSON.stringify({ name: "x" }), /'paragraphs' array/],
    ["a paragraph that is not an object", JSON.stringify({ paragraphs: [42] }), /paragraph 1 is not an object/],
    ["a text that is not a string", JSON.stringify({ paragraphs: [{ text: 1 }] }), /paragraph 1 has a 'text'/],
    ["nothing runnable", JSON.stringify({ paragraphs: [{ text: "%sh\n", config: { enabled: true } }, { text: "%md\n# x", config: { enabled: false } }] }), /no enabled paragraph/],
  ])("refuses %s with a message that says why", (_name, source, message) => {
    expect(() => parseZeppelinNote(source)).toThrow(message);
  });
});
