import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_DEPTH, validateWithLimits } from "./limits";

const recursive = buildSchema("type Node { id: ID, child: Node } type Query { node: Node }");
const nested = (depth: number) => `{ node ${"{ child ".repeat(depth - 1)}{ id }${" }".repeat(depth - 1)} }`;

describe("query limits", () => {
  it(`accepts a query ${MAX_QUERY_DEPTH} levels deep and refuses one deeper`, () => {
    expect(validateWithLimits(recursive, parse(nested(MAX_QUERY_DEPTH - 1)))).toEqual([]);
    const errors = validateWithLimits(recursive, parse(nested(MAX_QUERY_DEPTH + 2)));
    expect(errors.map((e) => e.message).join()).toMatch(/depth/i);
  });

  it("refuses a query whose cost is too high (many aliases)", () => {
    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: node { id }`).join(" ");
    const errors = validateWithLimits(recursive, parse(`{ ${aliases} }`));
    expect(errors.map((e) => e.message).join()).toMatch(/cost/i);
  });
});
