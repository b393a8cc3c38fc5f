import { describe, expect, it } from "vitest";
import { v3PageBody, v3PageJson } from "./v3-page";

describe("v3PageJson", () => {
  it("is exactly the JSON of v3PageBody", () => {
    const items = [
      { id: "a", message: 'quotes " and \\ and $& and \u0000items\u0000', n: 1 },
      { id: "b", message: "\"\\u0000items\\u0000\"", n: 2 },
    ];
    for (const page of [
      { pageNumber: 0, pageSize: 2, totalElements: 5 },
      { pageNumber: 2, pageSize: 2, totalElements: 5 },
    ]) {
      expect(v3PageJson("jobs", items, page)).toBe(JSON.stringify(v3PageBody("jobs", items, page)));
    }
    expect(v3PageJson("jobs", [], { pageNumber: 0, pageSize: 100, totalElements: 0 })).toBe(JSON.stringify(v3PageBody("jobs", [], { pageNumber: 0, pageSize: 100, totalElements: 0 })));
  });
});
