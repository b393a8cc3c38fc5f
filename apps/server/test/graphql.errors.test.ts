import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness";

describe("GraphQL errors", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  it.each([
    ["a syntax error", "{ jobs { ", "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", "{ jobs { nodes { colour } } }", "GRAPHQL_VALIDATION_FAILED"],
    ["a too costly query", `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: jobs { nodes { id status message } }`).join(" ")} }`, "GRAPHQL_VALIDATION_FAILED"],
  ])("answers %s with the invalid-input code and the GraphQL code beside it", async (_name, query, graphqlCode) => {
    const response = await server.request("/graphql", { method: "POST", json: { query } });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: "jobmanager.invalidInput", graphqlCode });
  });

  it("gives an error a logref that ties it to its log line", async () => {
    const result = await server.graphql('{ jobs(first: 1, after: "not-a-job") { totalCount } }');
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "jobmanager.invalidInput" } });
    expect(result.errors?.[0].extensions.logref).toEqual(expect.any(String));
  });
});
