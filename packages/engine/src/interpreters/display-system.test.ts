import { describe, expect, it } from "vitest";
import { DisplayCollector, normalizeResults, parseDisplayText } from "./display-system";
import type { ParagraphResult } from "./types";

const parse = (text: string) => normalizeResults(parseDisplayText(text));

describe("display system", () => {
  const cases: Array<[string, string, ParagraphResult[]]> = [
    ["plain text is one TEXT result", "a\nb\n", [{ type: "TEXT", data: "a\nb\n" }]],
    ["empty output has no result", "", []],
    ["whitespace-only output has no result", "\n  \n", []],
    ["%html at the start makes an HTML result", "%html <b>x</b>\n", [{ type: "HTML", data: "<b>x</b>\n" }]],
    ["%html on its own line", "%html\n<b>x</b>", [{ type: "HTML", data: "<b>x</b>" }]],
    [
      "a directive at the start of a later line splits the output",
      "before\n%html <i>y</i>\n",
      [
        { type: "TEXT", data: "before\n" },
        { type: "HTML", data: "<i>y</i>\n" },
      ],
    ],
    [
      "%table keeps tabs and rows, without the trailing newline",
      "%table\na\tb\n1\t2\n",
      [{ type: "TABLE", data: "a\tb\n1\t2" }],
    ],
    [
      "%text goes back to TEXT",
      "%table\na\n%text\nafter\n",
      [
        { type: "TABLE", data: "a" },
        { type: "TEXT", data: "after\n" },
      ],
    ],
    [
      "adjacent TEXT is merged",
      "a\n%text b\n%text\nc\n",
      [{ type: "TEXT", data: "a\nb\nc\n" }],
    ],
    ["a directive inside a line is just text", "50 %html x\n", [{ type: "TEXT", data: "50 %html x\n" }]],
    ["an unknown directive is just text", "%angular x\n", [{ type: "TEXT", data: "%angular x\n" }]],
    ["a longer word is not a directive", "%htmlx\n", [{ type: "TEXT", data: "%htmlx\n" }]],
    ["CRLF line ends work", "a\r\n%html\r\n<p/>", [{ type: "TEXT", data: "a\r\n" }, { type: "HTML", data: "<p/>" }]],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it("collects streamed chunks, even when a directive is split across chunks", () => {
    const c = new DisplayCollector();
    for (const chunk of ["hel", "lo\n%ht", "ml <b>", "x</b>\n"]) c.write(chunk);
    expect(c.results()).toEqual([
      { type: "TEXT", data: "hello\n" },
      { type: "HTML", data: "<b>x</b>\n" },
    ]);
  });

  it("places directly emitted results in order and returns to TEXT after them", () => {
    const c = new DisplayCollector();
    c.write("%html <p>a</p>\n");
    c.addResult({ type: "TABLE", data: "h\n1" });
    c.write("after\n");
    expect(c.results()).toEqual([
      { type: "HTML", data: "<p>a</p>\n" },
      { type: "TABLE", data: "h\n1" },
      { type: "TEXT", data: "after\n" },
    ]);
  });
});
