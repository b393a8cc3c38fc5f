import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoJobParameters, jupyterNotebook, startTestServer, zeppelinNote, type TestServer } from "./harness";
import { metadataAndFile, multipartInit } from "./multipart";

const BASE = "/api/modelmanagement/v3";
const V3_VERSION_FIELDS = ["author", "creationDate", "dependencies", "expirationDate", "id", "io", "kpi", "number", "producedBy"];

describe("REST /api/modelmanagement/v3", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const createModel = (metadata: unknown, content: string, fileName = "note.zpln") =>
    server.request(`${BASE}/models`, multipartInit("POST", metadataAndFile(metadata, content, fileName)));

  it("creates a Zeppelin model, reads, lists, patches, versions, downloads and deletes it", async () => {
    const note = JSON.stringify(zeppelinNote("%python\nprint(1)"));
    const created = await createModel({ name: "Round trip", description: "first", lastVersion: { kpi: [{ name: "accuracy", value: "0.9" }] } }, note);
    expect(created.status).toBe(201);
    const model = await created.json();
    expect(model).toMatchObject({ name: "Round trip", description: "first", type: "Zeppelin notebook", author: DEMO.tenantName });
    expect(Object.keys(model.lastVersion).sort()).toEqual(V3_VERSION_FIELDS);
    expect(model.lastVersion).toMatchObject({ number: 1, author: DEMO.tenantName, expirationDate: null, kpi: [{ name: "accuracy", value: "0.9" }] });
    expect(model.lastVersion.creationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    expect(await (await server.request(`${BASE}/models/${model.id}`)).json()).toEqual(model);
    const patched = await server.request(`${BASE}/models/${model.id}`, { method: "PATCH", json: { description: "second", type: "Custom" } });
    expect(await patched.json()).toMatchObject({ id: model.id, name: "Round trip", description: "second", type: "Custom" });

    const second = await server.request(`${BASE}/models/${model.id}/versions`, multipartInit("POST", [{ name: "file", value: jupyterNotebook(), fileName: "analysis.ipynb" }]));
    expect(second.status).toBe(201);
    const version2 = await second.json();
    expect(version2).toMatchObject({ number: 2, author: DEMO.tenantName });

    const versions = await (await server.request(`${BASE}/models/${model.id}/versions`)).json();
    expect(versions.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions.page).toEqual({ number: 0, size: 100, totalPages: 1, totalElements: 2 });
    expect(await (await server.request(`${BASE}/models/${model.id}/versions/last`)).json()).toEqual(version2);
    expect(await (await server.request(`${BASE}/models/${model.id}/versions/${model.lastVersion.id}`)).json()).toMatchObject({ number: 1 });

    const payload = await server.request(`${BASE}/models/${model.id}/versions/${model.lastVersion.id}`, { headers: { accept: "application/octet-stream" } });
    expect(payload.headers.get("content-type")).toBe("application/octet-stream");
    expect(payload.headers.get("content-length")).toBe(String(Buffer.byteLength(note)));
    expect(await payload.text()).toBe(note);

    const expiring = await server.request(`${BASE}/models/${model.id}/versions/last`, { method: "PATCH", json: { expirationDate: "2030-01-01T00:00:00.000Z" } });
    expect(await expiring.json()).toMatchObject({ id: version2.id, expirationDate: "2030-01-01T00:00:00.000Z" });

    expect((await server.request(`${BASE}/models/${model.id}/versions/last`, { method: "DELETE" })).status).toBe(204);
    const onlyOne = await server.request(`${BASE}/models/${model.id}/versions/last`, { method: "DELETE" });
    expect(onlyOne.status).toBe(409);
    expect((await onlyOne.json()).errors[0].message).toContain("only version");

    expect((await server.request(`${BASE}/models/${model.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await server.request(`${BASE}/models/${model.id}`)).status).toBe(404);
    expect(await server.db.modelVersion.count({ where: { modelId: model.id } })).toBe(0);
  });

  it("runs a job on a Jupyter model: code cells as python, markdown as md", async () => {
    const created = await createModel({ name: "Jupyter job" }, jupyterNotebook("print(6 * 7)"), "answer.ipynb");
    const model = await created.json();
    expect(model.type).toBe("Jupyter notebook");
    const job = await (await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: { ...demoJobParameters, modelId: model.id } })).json();
    expect(await server.waitForFinalJob(job.id)).toMatchObject({ status: "SUCCEEDED" });
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => [r.interpreter, r.status])).toEqual([["md", "FINISHED"], ["python", "FINISHED"]]);
    expect(JSON.parse(runs[1]!.results)).toEqual([{ type: "TEXT", data: "42\n" }]);

    const refused = await server.request(`${BASE}/models/${model.id}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors[0].message).toContain("used by 1 job");
  });

  it("lists models with paging, a filter and a sort", async () => {
    for (const name of ["Sort B", "Sort A", "Sort C"]) await createModel({ name, description: "sortable" }, JSON.stringify(zeppelinNote("%sh\necho")));
    const filter = encodeURIComponent(JSON.stringify({ description: { eq: "sortable" } }));
    const page = async (query: string) => (await server.request(`${BASE}/models?filter=${filter}&${query}`)).json();
    expect((await page("sort=desc")).models.map((m: { name: string }) => m.name)).toEqual(["Sort C", "Sort B", "Sort A"]);
    const second = await page("sort=name,asc&pageSize=2&pageNumber=1");
    expect(second.models.map((m: { name: string }) => m.name)).toEqual(["Sort C"]);
    expect(second.page).toEqual({ number: 1, size: 2, totalPages: 2, totalElements: 3 });
  });
});
