import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, startTestServer, zeppelinNote, type TestServer } from "./harness";
import { metadataAndFile, multipartInit } from "./multipart";

const MM = "/api/modelmanagement/v3";
const DX = "/api/dataexchange/v3";
const JM = "/api/jobmanager/v3";

/** Placeholders filled from the demo tenant's real ids. */
interface Ids {
  model: string;
  version: string;
  file: string;
  folder: string;
  configuration: string;
  ownFile: string;
  token: string;
}

type RestCase = [name: string, path: (ids: Ids) => string, init: (ids: Ids) => RequestInit & { json?: unknown }];

const note = JSON.stringify(zeppelinNote("%python\nprint(1)"));

const REST_CASES: RestCase[] = [
  ["GET a model", (i) => `${MM}/models/${i.model}`, () => ({})],
  ["PATCH a model", (i) => `${MM}/models/${i.model}`, () => ({ method: "PATCH", json: { name: "stolen" } })],
  ["DELETE a model", (i) => `${MM}/models/${i.model}`, () => ({ method: "DELETE" })],
  ["list a model's versions", (i) => `${MM}/models/${i.model}/versions`, () => ({})],
  ["add a version to a model", (i) => `${MM}/models/${i.model}/versions`, () => multipartInit("POST", [{ name: "file", value: note, fileName: "n.zpln" }])],
  ["GET a version", (i) => `${MM}/models/${i.model}/versions/${i.version}`, () => ({})],
  ["download a version", (i) => `${MM}/models/${i.model}/versions/${i.version}`, () => ({ headers: { accept: "application/octet-stream" } })],
  ["GET the last version", (i) => `${MM}/models/${i.model}/versions/last`, () => ({})],
  ["PATCH the last version", (i) => `${MM}/models/${i.model}/versions/last`, () => ({ method: "PATCH", json: { expirationDate: null } })],
  ["DELETE a version", (i) => `${MM}/models/${i.model}/versions/${i.version}`, () => ({ method: "DELETE" })],
  ["download a file", (i) => `${DX}/files/${i.file}`, () => ({})],
  ["overwrite a file", (i) => `${DX}/files/${i.file}`, () => multipartInit("PUT", [{ name: "file", value: "overwritten", fileName: "x" }])],
  ["DELETE a file", (i) => `${DX}/files/${i.file}`, () => ({ method: "DELETE" })],
  ["GET a file's properties", (i) => `${DX}/files/${i.file}/properties`, () => ({})],
  ["rename a file", (i) => `${DX}/files/${i.file}/properties`, () => ({ method: "PATCH", json: { name: "stolen.csv" } })],
  ["move one's own file into a foreign folder", (i) => `${DX}/files/${i.ownFile}/properties`, (i) => ({ method: "PATCH", json: { parentId: i.folder } })],
  ["upload a file into a foreign folder", () => `${DX}/files`, (i) => multipartInit("POST", metadataAndFile({ name: "x.txt", parentId: i.folder }, "x", "x"))],
  ["create a folder in a foreign folder", () => `${DX}/directories`, (i) => ({ method: "POST", json: { name: "x", parentId: i.folder } })],
  ["list a folder", (i) => `${DX}/directories/${i.folder}`, () => ({})],
  ["GET a folder's properties", (i) => `${DX}/directories/${i.folder}/properties`, () => ({})],
  ["rename a folder", (i) => `${DX}/directories/${i.folder}/properties`, () => ({ method: "PATCH", json: { name: "stolen" } })],
  ["DELETE a folder", (i) => `${DX}/directories/${i.folder}?recursive=true`, () => ({ method: "DELETE" })],
  ["GET a configuration", (i) => `${JM}/configurations/${i.configuration}`, () => ({})],
  ["PATCH a configuration", (i) => `${JM}/configurations/${i.configuration}`, () => ({ method: "PATCH", json: { name: "stolen" } })],
  ["DELETE a configuration", (i) => `${JM}/configurations/${i.configuration}`, () => ({ method: "DELETE" })],
  ["revoke an API token", (i) => `/api/auth/tokens/${i.token}`, () => ({ method: "DELETE" })],
];

type GraphQLCase = [name: string, query: string, variables: (ids: Ids) => Record<string, unknown>];

const GRAPHQL_CASES: GraphQLCase[] = [
  ["query a model", "query($id: ID!) { model(id: $id) { id name } }", (i) => ({ id: i.model })],
  ["update a model", 'mutation($id: ID!) { updateModel(id: $id, input: { name: "stolen" }) { id } }', (i) => ({ id: i.model })],
  ["delete a model", "mutation($id: ID!) { deleteModel(id: $id) }", (i) => ({ id: i.model })],
  ["add a model version", 'mutation($id: ID!, $c: String!) { addModelVersion(modelId: $id, fileName: "n.zpln", content: $c) { id } }', (i) => ({ id: i.model, c: note })],
  ["read a version's content", "query($id: ID!, $v: ID!) { modelVersionContent(modelId: $id, versionId: $v) }", (i) => ({ id: i.model, v: i.version })],
  ["expire a version", "mutation($id: ID!, $v: ID!) { updateModelVersion(modelId: $id, versionId: $v, expirationDate: null) { id } }", (i) => ({ id: i.model, v: i.version })],
  ["delete a version", "mutation($id: ID!, $v: ID!) { deleteModelVersion(modelId: $id, versionId: $v) }", (i) => ({ id: i.model, v: i.version })],
  ["query a folder", "query($id: ID!) { folder(id: $id) { id name } }", (i) => ({ id: i.folder })],
  ["list a folder", "query($id: ID!) { folderConnection(id: $id) { totalCount files { id } } }", (i) => ({ id: i.folder })],
  ["list the subfolders of a folder", "query($id: String!) { folders(parentId: $id) { id } }", (i) => ({ id: i.folder })],
  ["create a folder in a foreign folder", 'mutation($p: ID!) { createFolder(name: "x", parentId: $p) { id } }', (i) => ({ p: i.folder })],
  ["rename a folder", 'mutation($id: ID!) { moveFolder(id: $id, name: "stolen") { id } }', (i) => ({ id: i.folder })],
  ["delete a folder", "mutation($id: ID!) { deleteFolder(id: $id, recursive: true) }", (i) => ({ id: i.folder })],
  ["query a file", "query($id: ID!) { file(id: $id) { id name } }", (i) => ({ id: i.file })],
  ["write a file into a foreign folder", 'mutation($p: ID!) { createTextFile(name: "x.txt", parentId: $p, content: "x") { id } }', (i) => ({ p: i.folder })],
  ["rename a file", 'mutation($id: ID!) { moveFile(id: $id, name: "stolen.csv") { id } }', (i) => ({ id: i.file })],
  ["move one's own file into a foreign folder", "mutation($id: ID!, $p: ID!) { moveFile(id: $id, parentId: $p) { id } }", (i) => ({ id: i.ownFile, p: i.folder })],
  ["delete a file", "mutation($id: ID!) { deleteFile(id: $id) }", (i) => ({ id: i.file })],
  ["query a configuration", "query($id: ID!) { configuration(id: $id) { id name } }", (i) => ({ id: i.configuration })],
  ["update a configuration", 'mutation($id: ID!) { updateConfiguration(id: $id, input: { name: "stolen" }) { id } }', (i) => ({ id: i.configuration })],
  ["delete a configuration", "mutation($id: ID!) { deleteConfiguration(id: $id) }", (i) => ({ id: i.configuration })],
  ["revoke an API token", "mutation($id: ID!) { revokeApiToken(id: $id) }", (i) => ({ id: i.token })],
];

const LIST_ROUTES = ["/api/auth/tokens", "/api/auth/users", `${MM}/models`, `${DX}/directories/_PUBLIC_ROOT_ID`, `${DX}/directories/_PRIVATE_ROOT_ID`, `${JM}/configurations`];

describe("catalog tenant isolation", () => {
  let server: TestServer;
  let other: { tenantId: string; token: string };
  let ids: Ids;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
    other = await server.createTenant("other");
    const version = await server.db.modelVersion.findFirstOrThrow({ where: { modelId: DEMO.modelId } });
    const file = await server.db.file.findFirstOrThrow({ where: { tenantId: DEMO.tenantId, folderId: DEMO.inputFolderId } });
    const own = await server.request(`${DX}/files`, {
      ...multipartInit("POST", metadataAndFile({ name: "own.txt", parentId: "_PUBLIC_ROOT_ID" }, "own", "own.txt")),
      token: other.token,
    });
    ids = { model: DEMO.modelId, version: version.id, file: file.id, folder: DEMO.inputFolderId, configuration: DEMO.configurationId, ownFile: (await own.json()).id, token: (await server.db.apiToken.findFirstOrThrow({ where: { tenantId: DEMO.tenantId } })).id };
  });
  afterAll(() => server?.close());

  async function demoSnapshot() {
    const where = { tenantId: DEMO.tenantId };
    return JSON.stringify([
      await server.db.model.findMany({ where, include: { versions: true }, orderBy: { id: "asc" } }),
      await server.db.folder.findMany({ where, orderBy: { id: "asc" } }),
      await server.db.file.findMany({ where, orderBy: { id: "asc" } }),
      await server.db.environmentConfiguration.findMany({ where, orderBy: { id: "asc" } }),
      await server.db.file.findUnique({ where: { id: ids.ownFile } }),
      await server.db.apiToken.findMany({ where, orderBy: { id: "asc" } }),
    ]);
  }

  it.each(REST_CASES)("answers another tenant's attempt to %s with 404 and changes nothing", async (_name, path, init) => {
    const before = await demoSnapshot();
    const response = await server.request(path(ids), { ...init(ids), token: other.token });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(JSON.parse(body).errors[0].code).toBe("jobmanager.notFound");
    expect(body).not.toContain("Demo: sales summary");
    expect(body).not.toContain("region,");
    expect(await demoSnapshot()).toEqual(before);
  });

  it.each(REST_CASES)("answers an attempt to %s without a token with 401 and changes nothing", async (_name, path, init) => {
    const before = await demoSnapshot();
    const response = await server.request(path(ids), { ...init(ids), token: null });
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].code).toBe("jobmanager.unauthorized");
    expect(await demoSnapshot()).toEqual(before);
  });

  it.each(GRAPHQL_CASES)("answers another tenant's GraphQL attempt to %s with jobmanager.notFound and changes nothing", async (_name, query, variables) => {
    const before = await demoSnapshot();
    const result = await server.graphql(query, variables(ids), other.token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["jobmanager.notFound"]);
    expect(JSON.stringify(result)).not.toContain("Demo: sales summary");
    expect(await demoSnapshot()).toEqual(before);
  });

  it.each(GRAPHQL_CASES)("answers a GraphQL attempt to %s without a token with 401 and changes nothing", async (_name, query, variables) => {
    const before = await demoSnapshot();
    const response = await server.request("/graphql", { method: "POST", json: { query, variables: variables(ids) }, token: null });
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions.code).toBe("jobmanager.unauthorized");
    expect(await demoSnapshot()).toEqual(before);
  });

  it("shows another tenant none of the demo tenant's objects in GraphQL lists", async () => {
    const result = await server.graphql('{ models { id } configurations { id } folders { id } folderConnection(id: "_PUBLIC_ROOT_ID") { files { id } folders { id } } folderPaths { folder { id } } }', {}, other.token);
    expect(result.errors).toBeUndefined();
    for (const id of [ids.model, ids.folder, ids.file, ids.configuration]) expect(JSON.stringify(result.data)).not.toContain(id);
  });

  it.each(LIST_ROUTES)("shows another tenant none of the demo tenant's objects in %s", async (route) => {
    const response = await server.request(route, { token: other.token });
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const id of [ids.model, ids.folder, ids.file, ids.configuration, ids.token, DEMO.outputFolderId]) expect(body).not.toContain(id);
  });
});
