/**
 * Cursor paging of the GraphQL catalog lists (modelConnection, configurationConnection,
 * folderConnection), as the
 * jobs connection: every item once, in order, across pages; a bad cursor or size is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, zeppelinNote, type TestServer } from "./harness";

/** Follows endCursor from the first page to the last; returns every page's item names. */
async function allPages(fetchPage: (after: string | null) => Promise<{ names: string[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>) {
  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    pages.push(page.names);
    if (!page.pageInfo.hasNextPage) return { pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

describe("GraphQL catalog paging", () => {
  let server: TestServer;
  let tenant: { tenantId: string; token: string };
  let folderId: string;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
    tenant = await server.createTenant("paging");
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await server.graphql(query, variables, tenant.token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const note = JSON.stringify(zeppelinNote("%python\nprint(1)"));
    for (const name of ["e", "a", "d", "b", "c"]) {
      await gql("mutation($n: String!, $c: String!) { createModel(input: { name: $n, fileName: \"n.zpln\", content: $c }) { id } }", { n: `model ${name}`, c: note });
      await gql("mutation($n: String!) { createConfiguration(input: { name: $n }) { id } }", { n: `configuration ${name}` });
    }
    folderId = (await gql('mutation { createFolder(name: "paged", parentId: "_PUBLIC_ROOT_ID") { id } }')).createFolder.id;
    for (const name of ["sub-b", "sub-a", "sub-c"]) await gql("mutation($n: String!, $p: ID!) { createFolder(name: $n, parentId: $p) { id } }", { n: name, p: folderId });
    for (const name of ["4.csv", "1.csv", "3.txt", "2.csv"]) await gql('mutation($n: String!, $p: ID!) { createTextFile(name: $n, parentId: $p, content: "x") { id } }', { n: name, p: folderId });
  });
  afterAll(() => server?.close());

  const page = async (query: string, variables: Record<string, unknown>, field: string) => {
    const result = await server.graphql(query, variables, tenant.token);
    expect(result.errors).toBeUndefined();
    return result.data[field];
  };

  it("pages models by name, and with the REST filter and sort", async () => {
    const query = "query($after: String, $filter: String, $sort: String) { modelConnection(first: 2, after: $after, filter: $filter, sort: $sort) { nodes { name } totalCount pageInfo { hasNextPage endCursor } } }";
    const models = (variables: Record<string, unknown>) => async (after: string | null) => {
      const c = await page(query, { ...variables, after }, "modelConnection");
      return { ...c, names: c.nodes.map((n: { name: string }) => n.name) };
    };
    expect(await allPages(models({}))).toEqual({ pages: [["model a", "model b"], ["model c", "model d"], ["model e"]], totalCount: 5 });
    expect(await allPages(models({ sort: "desc" }))).toEqual({ pages: [["model e", "model d"], ["model c", "model b"], ["model a"]], totalCount: 5 });
    expect(await allPages(models({ filter: JSON.stringify({ name: { contains: "model" } }), sort: "name,asc" }))).toMatchObject({ totalCount: 5 });
    expect(await allPages(models({ filter: JSON.stringify({ name: { eq: "model c" } }) }))).toEqual({ pages: [["model c"]], totalCount: 1 });
  });

  it("pages configurations by name", async () => {
    const configurations = async (after: string | null) => {
      const c = await page("query($after: String) { configurationConnection(first: 3, after: $after) { nodes { name } totalCount pageInfo { hasNextPage endCursor } } }", { after }, "configurationConnection");
      return { ...c, names: c.nodes.map((n: { name: string }) => n.name) };
    };
    const { pages, totalCount } = await allPages(configurations);
    expect(pages.flat()).toEqual(["configuration a", "configuration b", "configuration c", "configuration d", "configuration e"]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);
    expect(totalCount).toBe(5);
  });

  it("pages a folder's contents, folders first, then files, across the boundary", async () => {
    const contents = (first: number, filter?: string) => async (after: string | null) => {
      const c = await page(
        "query($id: ID!, $first: Int!, $after: String, $filter: String) { folderConnection(id: $id, first: $first, after: $after, filter: $filter) { folders { name } files { name } totalCount pageInfo { hasNextPage endCursor } } }",
        { id: folderId, first, after, filter },
        "folderConnection",
      );
      return { ...c, names: [...c.folders, ...c.files].map((n: { name: string }) => n.name) };
    };
    expect(await allPages(contents(2))).toEqual({ pages: [["sub-a", "sub-b"], ["sub-c", "1.csv"], ["2.csv", "3.txt"], ["4.csv"]], totalCount: 7 });
    expect(await allPages(contents(3))).toEqual({ pages: [["sub-a", "sub-b", "sub-c"], ["1.csv", "2.csv", "3.txt"], ["4.csv"]], totalCount: 7 });
    expect(await allPages(contents(100))).toEqual({ pages: [["sub-a", "sub-b", "sub-c", "1.csv", "2.csv", "3.txt", "4.csv"]], totalCount: 7 });
    expect(await allPages(contents(2, JSON.stringify({ name: { contains: ".csv" } })))).toEqual({ pages: [["1.csv", "2.csv"], ["4.csv"]], totalCount: 3 });
  });

  it("refuses a page size out of range and a cursor that names nothing in the list", async () => {
    const codes = async (query: string, variables: Record<string, unknown>, token = tenant.token) =>
      (await server.graphql(query, variables, token)).errors?.map((e: { extensions: { code: string } }) => e.extensions.code);
    expect(await codes("{ modelConnection(first: 0) { totalCount } }", {})).toEqual(["jobmanager.invalidInput"]);
    expect(await codes("{ configurationConnection(first: 101) { totalCount } }", {})).toEqual(["jobmanager.invalidInput"]);
    expect(await codes('{ modelConnection(after: "no-such-model") { totalCount } }', {})).toEqual(["jobmanager.invalidInput"]);
    expect(await codes('{ configurationConnection(after: "demo-configuration") { totalCount } }', {})).toEqual(["jobmanager.invalidInput"]); // another tenant's
    expect(await codes('query($id: ID!) { folderConnection(id: $id, after: "demo-input") { totalCount } }', { id: folderId })).toEqual(["jobmanager.invalidInput"]);
    expect(await codes('{ folderConnection(id: "_PUBLIC_ROOT_ID", first: 0) { totalCount } }', {})).toEqual(["jobmanager.invalidInput"]);
  });
});
