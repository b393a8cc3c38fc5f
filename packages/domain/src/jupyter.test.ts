import { describe, expect, it } from "vitest";
import { InvalidNotebookError } from "./errors";
import { parseJupyterNotebook } from "./jupyter";
import { notebookFormatOf, parseNotebook } from "./parse-notebook";

const notebook = (cells: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...extra });

describe("parseJupyterNotebook", () => {
  it("runs code cells as %python and markdown cells as %md, skipping raw cells", () => {
    const note = parseJupyterNotebook(
      notebook([
        { cell_type: "markdown", id: "intro", source: ["# Title\n", "Some text"], metadata: {} },
        { cell_type: "raw", source: "ignored", metadata: {} },
        { cell_type: "code", source: "x = 1\nprint(x)", metadata: {}, outputs: [], execution_count: null },
      ]),
    );
    expect(note).toMatchObject({ format: "jupyter", defaultInterpreter: "python", stopOnError: false });
    expect(note.paragraphs.map((p) => [p.id, p.index, p.interpreter, p.code, p.enabled])).toEqual([
      ["intro", 0, "md", "# Title\nSome text", true],
      ["cell_3", 1, "python", "x = 1\nprint(x)", true],
    ]);
    expect(note.paragraphs[1]?.text).toBe("%python\nx = 1\nprint(x)");
  });

  it.each([
    ["text that is not JSON", "{nope", "not JSON"],
    ["another nbformat", JSON.stringify({ nbformat: 3, cells: [] }), "only nbformat 4"],
    ["no cells array", JSON.stringify({ nbformat: 4 }), "'cells' array"],
    ["only markdown", notebook([{ cell_type: "markdown", source: "# hi" }]), "no code cell to run"],
    ["an unknown cell type", notebook([{ cell_type: "widget", source: "" }]), "unknown cell_type"],
    ["a source of numbers", notebook([{ cell_type: "code", source: [1, 2] }]), "neither a string nor a list"],
  ])("refuses %s with a reason", (_name, source, reason) => {
    expect(() => parseJupyterNotebook(source)).toThrow(InvalidNotebookError);
    expect(() => parseJupyterNotebook(source)).toThrow(reason);
  });
});

describe("parseNotebook", () => {
  it("picks the parser by file name", () => {
    expect(notebookFormatOf("analysis.IPYNB")).toBe("jupyter");
    expect(notebookFormatOf("sales_2JM.zpln")).toBe("zeppelin");
    expect(notebookFormatOf("note.json")).toBe("zeppelin");
    expect(parseNotebook("a.ipynb", Buffer.from(notebook([{ cell_type: "code", source: "1" }]))).format).toBe("jupyter");
  });

  it("refuses a file that is no notebook by its name", () => {
    expect(() => parseNotebook("script.py", "print(1)")).toThrow("neither a Zeppelin note");
  });
});
