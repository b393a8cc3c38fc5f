import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, startTestServer, zeppelinNote, type TestServer } from "./harness";
import { metadataAndFile, multipartInit, type Part } from "./multipart";

const MODELS = "/api/modelmanagement/v3";
const DX = "/api/dataexchange/v3";
const MAX_MODEL_BYTES = 4000;
const MAX_FILE_BYTES = 5000;

const note = JSON.stringify(zeppelinNote("%python\nprint(1)"));
const modelParts = (metadata: string, content: string | Buffer = note, fileName = "note.zpln"): Part[] => metadataAndFile(metadata, content, fileName);
const fileParts = (metadata: unknown, content: string | Buffer = "x"): Part[] => metadataAndFile(metadata, content, "f.bin");

type Case = [name: string, path: string, init: () => RequestInit & { json?: unknown }, status: number, message: string];

describe("bad input to the catalog", () => {
  let server: TestServer;
  let fileId: string;
  let folderId: string;
  beforeAll(async () => {
    server = await startTestServer({ runner: false, env: { JOBMANAGER_MAX_MODEL_BYTES: String(MAX_MODEL_BYTES), JOBMANAGER_MAX_FILE_BYTES: String(MAX_FILE_BYTES) } });
    folderId = (await (await server.request(`${DX}/directories`, { method: "POST", json: { name: "bad input", parentId: "_PUBLIC_ROOT_ID" } })).json()).id;
    fileId = (await (await server.request(`${DX}/files`, multipartInit("POST", fileParts({ name: "kept.txt", parentId: folderId }, "kept")))).json()).id;
  });
  afterAll(() => server?.close());

  const cases: Case[] = [
    ["a model upload whose metadata is not JSON", `${MODELS}/models`, () => multipartInit("POST", modelParts("{name")), 400, "'metadata' part is not valid JSON"],
    ["a model upload without a name", `${MODELS}/models`, () => multipartInit("POST", modelParts("{}")), 400, "name is required"],
    ["a model upload with a numeric name", `${MODELS}/models`, () => multipartInit("POST", modelParts('{"name":42}')), 400, "name must be a string"],
    ["a model upload without a file", `${MODELS}/models`, () => multipartInit("POST", [{ name: "metadata", value: '{"name":"x"}' }]), 400, "no 'file' part"],
    ["a model upload as JSON instead of multipart", `${MODELS}/models`, () => ({ method: "POST", json: { name: "x" } }), 400, "multipart/form-data"],
    ["a notebook that is not JSON", `${MODELS}/models`, () => multipartInit("POST", modelParts('{"name":"x"}', "not json")), 400, "Invalid notebook: not JSON"],
    ["a notebook without runnable paragraphs", `${MODELS}/models`, () => multipartInit("POST", modelParts('{"name":"x"}', JSON.stringify({ paragraphs: [] }))), 400, "no enabled paragraph"],
    ["a Jupyter notebook of nbformat 3", `${MODELS}/models`, () => multipartInit("POST", modelParts('{"name":"x"}', JSON.stringify({ nbformat: 3, cells: [] }), "a.ipynb")), 400, "only nbformat 4"],
    ["a payload that is no notebook by its name", `${MODELS}/models`, () => multipartInit("POST", modelParts('{"name":"x"}', note, "run.py")), 400, "neither a Zeppelin note"],
    ["a model payload above the limit", `${MODELS}/models`, () => multipartInit("POST", modelParts('{"name":"x"}', Buffer.alloc(MAX_MODEL_BYTES + 1, 32))), 413, `limit of ${MAX_MODEL_BYTES} bytes`],
    ["a patch with invalid JSON", `${MODELS}/models/${DEMO.modelId}`, () => ({ method: "PATCH", body: "{", headers: { "content-type": "application/json" } }), 400, "not valid JSON"],
    ["an empty patch", `${MODELS}/models/${DEMO.modelId}`, () => ({ method: "PATCH", json: {} }), 400, "at least one of name"],
    ["a listing with a malformed filter", `${MODELS}/models?filter=%7Bname`, () => ({}), 400, "filter is not valid JSON"],
    ["a listing filtered on an unknown field", `${MODELS}/models?filter=${encodeURIComponent('{"secret":"x"}')}`, () => ({}), 400, "Unknown filter field 'secret'"],
    ["a listing with a negative page", `${MODELS}/models?pageNumber=-1`, () => ({}), 400, "pageNumber must be at least 0"],
    ["a listing with an unknown sort", `${MODELS}/models?sort=random`, () => ({}), 400, "Unknown sort"],
    ["a version with a bad expiration date", `${MODELS}/models/${DEMO.modelId}/versions/last`, () => ({ method: "PATCH", json: { expirationDate: "tomorrow" } }), 400, "expirationDate must be an ISO 8601 date"],
    ["a file upload without metadata", `${DX}/files`, () => multipartInit("POST", [{ name: "file", value: "x", fileName: "f" }]), 400, "no 'metadata' part"],
    ["a file upload without a parent", `${DX}/files`, () => multipartInit("POST", fileParts({ name: "a.txt" })), 400, "parentId is required"],
    ["a file above the limit", `${DX}/files`, () => multipartInit("POST", fileParts({ name: "big.bin", parentId: "_PUBLIC_ROOT_ID" }, Buffer.alloc(MAX_FILE_BYTES + 1))), 413, `limit of ${MAX_FILE_BYTES} bytes`],
    ["an overwrite above the limit", `${DX}/files/${"FILE"}`, () => multipartInit("PUT", [{ name: "file", value: Buffer.alloc(MAX_FILE_BYTES * 2), fileName: "f" }]), 413, "larger than the limit"],
    ["a folder named '..'", `${DX}/directories`, () => ({ method: "POST", json: { name: "..", parentId: "_PUBLIC_ROOT_ID" } }), 400, "must not be '.' or '..'"],
    ["a file named with a slash", `${DX}/files`, () => multipartInit("POST", fileParts({ name: "../../etc/passwd", parentId: "_PUBLIC_ROOT_ID" })), 400, "may only contain letters"],
    ["a folder named with a backslash", `${DX}/directories`, () => ({ method: "POST", json: { name: "a\\b", parentId: "_PUBLIC_ROOT_ID" } }), 400, "may only contain letters"],
    ["a folder named with an encoded separator", `${DX}/directories`, () => ({ method: "POST", json: { name: "a%2Fb", parentId: "_PUBLIC_ROOT_ID" } }), 400, "may only contain letters"],
    ["a rename to a forbidden name", `${DX}/files/FILE/properties`, () => ({ method: "PATCH", json: { name: "a*b" } }), 400, "may only contain letters"],
    ["a folder whose path would pass 1024 bytes", `${DX}/directories`, () => ({ method: "POST", json: { name: "ü".repeat(600), parentId: "_PUBLIC_ROOT_ID" } }), 400, "the limit is 1024 bytes"],
    ["a directory body of the wrong type", `${DX}/directories`, () => ({ method: "POST", json: ["name"] }), 400, "Invalid input"],
    ["a traversal through an encoded id", `${DX}/files/..%2F..%2Fjobmanager.db`, () => ({}), 404, "was not found"],
    ["a traversal through a dotted id", `${DX}/directories/..%2F..`, () => ({}), 404, "was not found"],
    ["a delete with a bad recursive flag", `${DX}/directories/FOLDER?recursive=yes`, () => ({ method: "DELETE" }), 400, "recursive must be true or false"],
  ];

  async function snapshot() {
    const blobs = await fs.readdir(path.join(server.dataDir, "blobs"), { recursive: true, withFileTypes: true });
    return {
      models: await server.db.model.findMany({ orderBy: { id: "asc" } }),
      versions: await server.db.modelVersion.count(),
      folders: await server.db.folder.findMany({ orderBy: { id: "asc" } }),
      files: await server.db.file.findMany({ orderBy: { id: "asc" } }),
      blobs: blobs.filter((entry) => entry.isFile()).map((entry) => entry.name).sort(),
    };
  }

  it.each(cases)("answers %s with a clear 4xx and changes nothing", async (_name, route, init, status, message) => {
    const before = await snapshot();
    const response = await server.request(route.replace("FILE", fileId).replace("FOLDER", folderId), init());
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.errors[0].message).toContain(message);
    expect(body.errors[0].code).toMatch(/^jobmanager\./);
    expect(await snapshot()).toEqual(before);
  });

  it("still serves the file that every refused request left alone", async () => {
    expect(await (await server.request(`${DX}/files/${fileId}`)).text()).toBe("kept");
  });
});
