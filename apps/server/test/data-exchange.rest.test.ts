import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, startTestServer, type TestServer } from "./harness";
import { generatedBytes, heldBytesWatcher, metadataAndFile, multipartInit } from "./multipart";

const BASE = "/api/dataexchange/v3";

describe("REST /api/dataexchange/v3", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  const mkdir = async (name: string, parentId = "_PUBLIC_ROOT_ID") => {
    const response = await server.request(`${BASE}/directories`, { method: "POST", json: { name, parentId } });
    expect(response.status).toBe(201);
    return response.json();
  };
  const upload = (metadata: unknown, content: string | Buffer, fileName = "upload.bin") =>
    server.request(`${BASE}/files`, multipartInit("POST", metadataAndFile(metadata, content, fileName)));

  it("creates a folder, uploads, lists, downloads, overwrites, renames, moves and deletes a file", async () => {
    const folder = await mkdir("round trip");
    expect(folder).toMatchObject({ name: "round trip", parentId: "_PUBLIC_ROOT_ID", modifiedBy: DEMO.tenantName });
    expect(folder.modifiedDate).toMatch(/Z$/);

    const created = await upload({ name: "data.csv", parentId: folder.id }, "a,b\n1,2\n");
    expect(created.status).toBe(201);
    const file = await created.json();
    expect(file).toMatchObject({ name: "data.csv", parentId: folder.id, type: "text/csv", sizeInBytes: 8, modifiedBy: DEMO.tenantName });
    expect(Object.keys(file).sort()).toEqual(["id", "modifiedBy", "modifiedDate", "name", "parentId", "sizeInBytes", "type"]);

    const listing = await (await server.request(`${BASE}/directories/${folder.id}`)).json();
    expect(listing).toEqual({ files: [file], directories: [], page: { number: 0, size: 100, totalPages: 1, totalElements: 1 } });

    const download = await server.request(`${BASE}/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv");
    expect(download.headers.get("content-length")).toBe("8");
    expect(await download.text()).toBe("a,b\n1,2\n");

    const overwritten = await server.request(`${BASE}/files/${file.id}`, multipartInit("PUT", [{ name: "file", value: "a,b\n3,4\n5,6\n", fileName: "x.csv" }]));
    expect(overwritten.status).toBe(200);
    expect(await overwritten.json()).toMatchObject({ id: file.id, sizeInBytes: 12 });
    expect(await (await server.request(`${BASE}/files/${file.id}`)).text()).toBe("a,b\n3,4\n5,6\n");

    const sub = await mkdir("sub", folder.id);
    const moved = await server.request(`${BASE}/files/${file.id}/properties`, { method: "PATCH", json: { name: "renamed.csv", parentId: sub.id } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ id: file.id, name: "renamed.csv", parentId: sub.id });
    expect(await (await server.request(`${BASE}/files/${file.id}/properties`)).json()).toMatchObject({ name: "renamed.csv", parentId: sub.id });

    const renamedFolder = await server.request(`${BASE}/directories/${sub.id}/properties`, { method: "PATCH", json: { name: "sub two" } });
    expect(await renamedFolder.json()).toMatchObject({ id: sub.id, name: "sub two", parentId: folder.id });
    expect(await (await server.request(`${BASE}/directories/${sub.id}/properties`)).json()).toMatchObject({ name: "sub two" });

    expect((await server.request(`${BASE}/files/${file.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await server.request(`${BASE}/files/${file.id}`)).status).toBe(404);
    expect(await server.db.file.count({ where: { id: file.id } })).toBe(0);
  });

  it("pages and filters a listing, folders before files", async () => {
    const folder = await mkdir("paging");
    await mkdir("b folder", folder.id);
    for (const name of ["a.txt", "c.txt", "d.csv"]) expect((await upload({ name, parentId: folder.id }, name)).status).toBe(201);
    const page = async (query: string) => (await server.request(`${BASE}/directories/${folder.id}?${query}`)).json();
    const first = await page("pageNumber=0&pageSize=2");
    expect([...first.directories, ...first.files].map((item: { name: string }) => item.name)).toEqual(["b folder", "a.txt"]);
    expect(first.page).toEqual({ number: 0, size: 2, totalPages: 2, totalElements: 4 });
    const second = await page("pageNumber=1&pageSize=2");
    expect(second.files.map((f: { name: string }) => f.name)).toEqual(["c.txt", "d.csv"]);
    const filtered = await page(`filter=${encodeURIComponent(JSON.stringify({ name: { contains: ".txt" } }))}`);
    expect(filtered.files.map((f: { name: string }) => f.name)).toEqual(["a.txt", "c.txt"]);
    expect(filtered.directories).toEqual([]);
  });

  it("lists the roots and shows their properties", async () => {
    const root = await (await server.request(`${BASE}/directories/_PUBLIC_ROOT_ID`)).json();
    expect(root.directories.map((d: { id: string }) => d.id)).toContain(DEMO.inputFolderId);
    expect(await (await server.request(`${BASE}/directories/_PRIVATE_ROOT_ID/properties`)).json()).toMatchObject({ id: "_PRIVATE_ROOT_ID", parentId: null });
  });

  it("answers 409 to a name clash on create, rename and move, and changes nothing", async () => {
    const folder = await mkdir("clashes");
    const file = await (await upload({ name: "one.csv", parentId: folder.id }, "1")).json();
    await upload({ name: "two.csv", parentId: folder.id }, "2");
    const other = await mkdir("other", folder.id);
    await upload({ name: "one.csv", parentId: other.id }, "3");

    const again = await upload({ name: "one.csv", parentId: folder.id }, "again");
    expect(again.status).toBe(409);
    expect((await again.json()).errors[0]).toMatchObject({ code: "jobmanager.conflict", message: expect.stringContaining("'one.csv' already exists") });
    expect((await server.request(`${BASE}/directories`, { method: "POST", json: { name: "two.csv", parentId: folder.id } })).status).toBe(409);
    expect((await server.request(`${BASE}/files/${file.id}/properties`, { method: "PATCH", json: { name: "two.csv" } })).status).toBe(409);
    expect((await server.request(`${BASE}/files/${file.id}/properties`, { method: "PATCH", json: { parentId: other.id } })).status).toBe(409);
    expect((await server.request(`${BASE}/directories/${other.id}/properties`, { method: "PATCH", json: { name: "two.csv" } })).status).toBe(409);
    expect(await (await server.request(`${BASE}/files/${file.id}`)).text()).toBe("1");
    expect((await (await server.request(`${BASE}/directories/${folder.id}`)).json()).page.totalElements).toBe(3);
  });

  it("deletes a non-empty folder only with recursive=true, with its files and blobs", async () => {
    const folder = await mkdir("to delete");
    const sub = await mkdir("deeper", folder.id);
    const file = await (await upload({ name: "x.txt", parentId: sub.id }, "x")).json();
    const blobKey = (await server.db.file.findUniqueOrThrow({ where: { id: file.id } })).blobKey;

    const refused = await server.request(`${BASE}/directories/${folder.id}?recursive=false`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors[0].message).toContain("recursive=true");
    expect((await server.request(`${BASE}/directories/${folder.id}?recursive=true`, { method: "DELETE" })).status).toBe(204);
    expect(await server.db.folder.count({ where: { id: { in: [folder.id, sub.id] } } })).toBe(0);
    expect(await server.db.file.count({ where: { id: file.id } })).toBe(0);
    await expect(server.blobs.readAll(blobKey)).rejects.toThrow(/ENOENT/);
  });

  it("refuses to move a folder into its own subfolder", async () => {
    const folder = await mkdir("outer");
    const inner = await mkdir("inner", folder.id);
    const response = await server.request(`${BASE}/directories/${folder.id}/properties`, { method: "PATCH", json: { parentId: inner.id } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toContain("into itself");
  });

  it("uploads and downloads 20 MB with identical bytes while the server's memory grows far less than that", async () => {
    const size = 20 * 1024 * 1024;
    const expected = createHash("sha256");
    for (const chunk of generatedBytes(size, 7)) expected.update(chunk);

    // The server's memory, measured as what it holds of the upload (see heldBytesWatcher).
    const upload = heldBytesWatcher(server.dataDir, generatedBytes(size, 7));
    const response = await server.request(`${BASE}/files`, multipartInit("POST", metadataAndFile({ name: "big.bin", parentId: "_PRIVATE_ROOT_ID" }, upload.chunks, "big.bin")));
    expect(response.status).toBe(201);
    const file = await response.json();
    expect(file.sizeInBytes).toBe(size);
    // Socket and stream buffers between the two ends hold a few MB; buffering would be 20 MB.
    expect(upload.maxHeld()).toBeLessThan(size * 0.4);

    const download = await server.request(`${BASE}/files/${file.id}`);
    expect(download.headers.get("content-length")).toBe(String(size));
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    const actual = createHash("sha256");
    for await (const chunk of download.body!) actual.update(chunk);
    expect(actual.digest("hex")).toBe(expected.digest("hex"));
  }, 180_000);
});
