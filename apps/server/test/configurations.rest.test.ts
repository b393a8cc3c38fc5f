import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, startTestServer, type TestServer } from "./harness";

const BASE = "/api/jobmanager/v3/configurations";

describe("REST /api/jobmanager/v3/configurations", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  it("creates, lists, reads, updates and deletes a configuration, never returning a secret value", async () => {
    const created = await server.request(BASE, {
      method: "POST",
      json: {
        name: "Secrets",
        interpreters: ["python", "sh"],
        variables: [{ name: "API_KEY", value: "s3cr3t", secret: true }, { name: "REGION", value: "eu" }],
        memoryLimitMb: 512,
        processLimit: 64,
        network: true,
        maxInstances: 2,
      },
    });
    expect(created.status).toBe(201);
    const configuration = await created.json();
    expect(configuration).toMatchObject({
      name: "Secrets",
      description: "",
      interpreters: ["python", "sh"],
      variables: [{ name: "API_KEY", value: null, secret: true }, { name: "REGION", value: "eu", secret: false }],
      memoryLimitMb: 512,
      processLimit: 64,
      network: true,
      maxInstances: 2,
    });
    const id = configuration.id;
    for (const body of [configuration, await (await server.request(`${BASE}/${id}`)).json(), await (await server.request(BASE)).json()]) {
      expect(JSON.stringify(body)).not.toContain("s3cr3t");
    }
    expect((await (await server.request(BASE)).json()).configurations.map((c: { id: string }) => c.id)).toContain(id);

    const updated = await server.request(`${BASE}/${id}`, {
      method: "PATCH",
      json: { description: "updated", maxInstances: 3, variables: [{ name: "API_KEY", secret: true }, { name: "REGION", value: "us" }] },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ description: "updated", maxInstances: 3, variables: [{ name: "API_KEY", value: null, secret: true }, { name: "REGION", value: "us" }] });
    const stored = await server.db.environmentConfiguration.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(stored.variables)).toEqual([{ name: "API_KEY", value: "s3cr3t", secret: true }, { name: "REGION", value: "us", secret: false }]);

    expect((await server.request(`${BASE}/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await server.request(`${BASE}/${id}`)).status).toBe(404);
  });

  it("answers 409 to a duplicate name and to deleting a configuration a job uses", async () => {
    const clash = await server.request(BASE, { method: "POST", json: { name: "Default Python" } });
    expect(clash.status).toBe(409);
    await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters });
    const refused = await server.request(`${BASE}/${demoJobParameters.configurationId}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors[0].message).toContain("is used by 1 job(s)");
    expect(await server.db.environmentConfiguration.count({ where: { id: demoJobParameters.configurationId } })).toBe(1);
  });

  it.each([
    ["no name", {}, "name is required"],
    ["an unknown interpreter", { name: "x", interpreters: ["spark"] }, "interpreters must be among"],
    ["a memory limit as text", { name: "x", memoryLimitMb: "lots" }, "memoryLimitMb must be a number"],
    ["a variable name with a space", { name: "x", variables: [{ name: "A B", value: "1" }] }, "variable names are letters"],
    ["zero instances", { name: "x", maxInstances: 0 }, "maxInstances must be at least 1"],
    ["a memory limit below 16 MB", { name: "x", memoryLimitMb: 5 }, "memoryLimitMb must be at least 16"],
    ["a fractional process limit", { name: "x", processLimit: 1.5 }, "processLimit must be a whole number"],
  ])("refuses a configuration with %s and creates nothing", async (_name, body, message) => {
    const before = await server.db.environmentConfiguration.count();
    const response = await server.request(BASE, { method: "POST", json: body });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toContain(message);
    expect(await server.db.environmentConfiguration.count()).toBe(before);
  });
});
