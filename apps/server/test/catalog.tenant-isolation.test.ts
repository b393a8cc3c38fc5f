import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, startTestServer, zeppelinNote, type TestServer } from "./harness";
import { multipartInit } from "./multipart";

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
  ["upload a file into a foreign folder", () => `${DX}/files`, (i) => multipartInit("POST", [{ name: "metadata", value: JSON.stringify({ name: "x.txt", parentId: i.folder }) }, { name: "file", value: "x", fileName: "x" }])],
  ["create a folder in a foreign folder", () => `${DX}/directories`, (i) => ({ method: "POST", json: { name: "x", parentId: i.folder } })],
  ["list a folder", (i) => `${DX}/directories/${i.folder}`, () => ({})],
  ["GET a folder's properties", (i) => `${DX}/directories/${i.folder}/properties`, () => ({})],
  ["rename a folder", (i) => `${DX}/directories/${i.folder}/properties`, () => ({ method: "PATCH", json: { name: "stolen" } })],
  ["DELETE a folder", (i) => `${DX}/directories/${i.folder}?recursive=true`, () => ({ method: "DELETE" })],
  ["GET a configuration", (i) => `${JM}/configurations/${i.configuration}`, () => ({})],
  ["PATCH a configuration", (i) => `${JM}/configurations/${i.configuration}`, () => ({ method: "PATCH", json: { name: "stolen" } })],
  ["DELETE a configuration", (i) => `${JM}/configurations/${i.configuration}`, () => ({ method: "DELETE" })],
];

const LIST_ROUTES = [`${MM}/models`, `${DX}/directories/_PUBLIC_ROOT_ID`, `${DX}/directories/_PRIVATE_ROOT_ID`, `${JM}/configurations`];

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
      ...multipartInit("POST", [{ name: "metadata", value: JSON.stringify({ name: "own.txt", parentId: "_PUBLIC_ROOT_ID" }) }, { name: "file", value: "own", fileName: "own.txt" }]),
      token: other.token,
    });
    ids = { model: DEMO.modelId, version: version.id, file: file.id, folder: DEMO.inputFolderId, configuration: DEMO.configurationId, ownFile: (await own.json()).id };
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

  it.each(LIST_ROUTES)("shows another tenant none of the demo tenant's objects in %s", async (route) => {
    const response = await server.request(route, { token: other.token });
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const id of [ids.model, ids.folder, ids.file, ids.configuration, DEMO.outputFolderId]) expect(body).not.toContain(id);
  });
});
