/**
 * Uploads over GraphQL by the multipart request spec: binary and large files streamed to blob
 * storage (a 20 MB round trip with identical bytes, only a few MB held at a time), notebooks for
 * models and versions, the CSRF header Apollo asks for, and the size limits (413, nothing kept).
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, zeppelinNote, type TestServer } from "./harness";
import { generatedBytes, heldBytesWatcher, multipartBody, type Part } from "./multipart";

/** A GraphQL multipart request with one file bound to `variables.file`. */
function uploadRequest(server: TestServer, query: string, variables: Record<string, unknown>, file: Part["value"], fileName: string, headers: Record<string, string> = { "apollo-require-preflight": "true" }, token?: string) {
  const { body, contentType } = multipartBody([
    { name: "operations", value: JSON.stringify({ query, variables: { ...variables, file: null } }) },
    { name: "map", value: JSON.stringify({ 0: ["variables.file"] }) },
    { name: "0", value: file, fileName },
  ]);
  return server.request("/graphql", { method: "POST", body, headers: { "content-type": contentType, ...headers }, duplex: "half", ...(token ? { token } : {}) } as RequestInit);
}

const UPLOAD_FILE = "mutation($file: Upload!, $p: ID!, $n: String) { uploadFile(file: $file, parentId: $p, name: $n) { id name sizeInBytes type } }";
/** The blob files on disk, to show that a refused upload left none behind. */
async function blobFiles(server: TestServer): Promise<string[]> {
  const entries = await fs.readdir(path.join(server.dataDir, "blobs"), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

const sha256 = (chunks: Iterable<Buffer>) => {
  const hash = createHash("sha256");
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest("hex");
};

describe("GraphQL multipart uploads", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false, env: { JOBMANAGER_MAX_MODEL_BYTES: "200000" } });
  });
  afterAll(() => server?.close());

  async function download(id: string): Promise<Buffer> {
    const response = await server.request(`/api/dataexchange/v3/files/${id}`);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  it("overwrites a file with binary content, every byte value kept", async () => {
    const first = await (await uploadRequest(server, UPLOAD_FILE, { p: "_PUBLIC_ROOT_ID", n: "bytes.dat" }, Buffer.from("old"), "ignored.txt")).json();
    expect(first.data.uploadFile).toMatchObject({ name: "bytes.dat", sizeInBytes: 3 });
    const everyByte = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const overwritten = await (await uploadRequest(server, "mutation($file: Upload!, $id: ID!) { overwriteFile(id: $id, file: $file) { id sizeInBytes } }", { id: first.data.uploadFile.id }, everyByte, "x")).json();
    expect(overwritten.data.overwriteFile).toEqual({ id: first.data.uploadFile.id, sizeInBytes: 512 });
    expect((await download(first.data.uploadFile.id)).equals(everyByte)).toBe(true);
  });

  it("creates a model and adds a version from uploaded notebooks, and refuses an invalid one", async () => {
    const note = Buffer.from(JSON.stringify(zeppelinNote("%python\nprint('uploaded')")));
    const created = await (await uploadRequest(server, 'mutation($file: Upload!) { uploadModel(file: $file, name: "Uploaded", description: "over GraphQL") { id name description lastVersion { number fileName } } }', {}, note, "note.zpln")).json();
    expect(created.errors).toBeUndefined();
    expect(created.data.uploadModel).toMatchObject({ name: "Uploaded", description: "over GraphQL", lastVersion: { number: 1, fileName: "note.zpln" } });
    const modelId = created.data.uploadModel.id;

    const version = await (await uploadRequest(server, "mutation($file: Upload!, $m: ID!) { uploadModelVersion(modelId: $m, file: $file) { number } }", { m: modelId }, note, "v2.zpln")).json();
    expect(version.data.uploadModelVersion).toEqual({ number: 2 });
    const content = await server.graphql('query($m: ID!) { modelVersionContent(modelId: $m, versionId: "last") }', { m: modelId });
    expect(content.data.modelVersionContent).toBe(note.toString("utf8"));

    const invalid = await (await uploadRequest(server, "mutation($file: Upload!, $m: ID!) { uploadModelVersion(modelId: $m, file: $file) { number } }", { m: modelId }, Buffer.from("not a notebook"), "bad.zpln")).json();
    expect(invalid.errors[0].extensions.code).toBe("jobmanager.invalidInput");
    expect(await server.db.modelVersion.count({ where: { modelId } })).toBe(2);
  });

  it("refuses a notebook above the model size limit with payloadTooLarge and keeps nothing", async () => {
    const models = await server.db.model.count();
    const big = Buffer.alloc(300_000, "x");
    const result = await (await uploadRequest(server, 'mutation($file: Upload!) { uploadModel(file: $file, name: "Too big") { id } }', {}, big, "big.zpln")).json();
    expect(result.errors[0].extensions.code).toBe("jobmanager.payloadTooLarge");
    expect(await server.db.model.count()).toBe(models);
  });

  it("refuses a multipart request without the CSRF header, before reading it", async () => {
    const files = await server.db.file.count();
    const response = await uploadRequest(server, UPLOAD_FILE, { p: "_PUBLIC_ROOT_ID", n: "csrf.txt" }, Buffer.from("x"), "csrf.txt", {});
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/Apollo-Require-Preflight/);
    expect(await server.db.file.count()).toBe(files);
  });

  it("answers an upload into another tenant's or a missing folder with notFound, and keeps no blob", async () => {
    const other = await server.createTenant("upload-neighbour");
    const blobsBefore = await blobFiles(server);
    const response = await uploadRequest(server, UPLOAD_FILE, { p: "demo-input", n: "stolen.txt" }, Buffer.from("x"), "x", undefined, other.token);
    const result = await response.json();
    expect(result.errors[0].extensions.code).toBe("jobmanager.notFound");
    expect(await server.db.file.count({ where: { name: "stolen.txt" } })).toBe(0);
    expect(await blobFiles(server)).toEqual(blobsBefore);
  });

  it("uploads 20 MB of binary with identical bytes, the server holding only a few MB of it at any time", async () => {
    const size = 20 * 1024 * 1024;
    // The server's memory, measured as what it holds of the upload (see heldBytesWatcher).
    const upload = heldBytesWatcher(server.dataDir, generatedBytes(size, 11));
    const response = await uploadRequest(server, UPLOAD_FILE, { p: "_PRIVATE_ROOT_ID" }, upload.chunks, "big.bin");
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.errors).toBeUndefined();
    expect(result.data.uploadFile).toMatchObject({ name: "big.bin", sizeInBytes: size, type: "application/octet-stream" });
    // Socket and stream buffers between the two ends hold about 4 MB; buffering would be 20 MB.
    expect(upload.maxHeld()).toBeLessThan(size * 0.4);

    const actual = createHash("sha256");
    const stream = await server.request(`/api/dataexchange/v3/files/${result.data.uploadFile.id}`);
    expect(stream.headers.get("content-length")).toBe(String(size));
    for await (const chunk of stream.body!) actual.update(chunk);
    expect(actual.digest("hex")).toBe(sha256(generatedBytes(size, 11)));
  }, 180_000);
});

describe("GraphQL multipart uploads above the file size limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false, env: { JOBMANAGER_MAX_FILE_BYTES: "100000" } });
  });
  afterAll(() => server?.close());

  it("answers payloadTooLarge and keeps nothing", async () => {
    const files = await server.db.file.count();
    const blobsBefore = await blobFiles(server);
    const response = await uploadRequest(server, UPLOAD_FILE, { p: "_PUBLIC_ROOT_ID", n: "huge.bin" }, generatedBytes(1_000_000, 3), "huge.bin");
    const result = await response.json();
    expect(result.errors[0].extensions.code).toBe("jobmanager.payloadTooLarge");
    expect(await server.db.file.count()).toBe(files);
    expect(await blobFiles(server)).toEqual(blobsBefore);
  });
});
