import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { cookieHeader, DEMO, startTestServer, type TestServer } from "./harness";

/**
 * Opens a graphql-ws socket with the given Cookie header and connection parameters and runs
 * `{ viewer { name } }` on it: the tenant's name, or the close code when the server refused.
 */
function viewerOverSocket(url: string, cookie: string, connectionParams: Record<string, unknown>): Promise<{ name?: string; closeCode?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace("http", "ws") + "/graphql", "graphql-transport-ws", { headers: { cookie } });
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: connectionParams })));
    socket.on("message", (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "{ viewer { name } }" } }));
      } else if (message.type === "next") {
        resolve({ name: message.payload.data?.viewer?.name });
        socket.close();
      } else if (message.type === "error") {
        reject(new Error(JSON.stringify(message.payload)));
      }
    });
    socket.on("close", (code) => resolve({ closeCode: code }));
    socket.on("error", reject);
  });
}

describe("API tokens, users and web sessions", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  const login = (body: unknown) => server.request("/api/auth/login", { method: "POST", json: body, token: null });

  it("creates a token shown once, lists it without the secret, and revokes it", async () => {
    const created = await server.request("/api/auth/tokens", { method: "POST", json: { name: "ci" } });
    expect(created.status).toBe(201);
    const token = await created.json();
    expect(token.secret).toMatch(/^jm_/);
    expect((await server.request("/api/jobmanager/v3/configurations", { token: token.secret })).status).toBe(200);

    const list = await (await server.request("/api/auth/tokens")).json();
    expect(list.tokens.find((t: { id: string }) => t.id === token.id)).toMatchObject({ name: "ci", prefix: token.secret.slice(0, 9), revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token.secret);
    expect(JSON.stringify(await server.db.apiToken.findMany())).not.toContain(token.secret);

    expect((await server.request(`/api/auth/tokens/${token.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await server.request("/api/jobmanager/v3/configurations", { token: token.secret })).status).toBe(401);
  });

  it("creates, lists and revokes tokens over GraphQL too, and hides other tenants' tokens", async () => {
    const { data } = await server.graphql('mutation { createApiToken(name: "gql") { id name secret } }');
    expect(data.createApiToken.secret).toMatch(/^jm_/);
    const other = await server.createTenant("token-neighbour");
    const foreign = await server.graphql("mutation($id: ID!) { revokeApiToken(id: $id) }", { id: data.createApiToken.id }, other.token);
    expect(foreign.errors?.[0].extensions.code).toBe("jobmanager.notFound");
    expect(JSON.stringify((await server.graphql("{ apiTokens { id } }", {}, other.token)).data)).not.toContain(data.createApiToken.id);
    expect((await server.graphql("mutation($id: ID!) { revokeApiToken(id: $id) }", { id: data.createApiToken.id })).data).toEqual({ revokeApiToken: true });
    const listed = await server.graphql("{ apiTokens { id revokedAt } }");
    expect(listed.data.apiTokens.find((t: { id: string }) => t.id === data.createApiToken.id).revokedAt).not.toBeNull();
  });

  it("stores a user's password as a scrypt hash and logs in with it", async () => {
    const created = await server.request("/api/auth/users", { method: "POST", json: { username: "alice", password: "correct horse battery" } });
    expect(created.status).toBe(201);
    const stored = await server.db.user.findUniqueOrThrow({ where: { username: "alice" } });
    expect(stored.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored.passwordHash).not.toContain("correct horse");
    expect((await server.request("/api/auth/users", { method: "POST", json: { username: "alice", password: "another long password" } })).status).toBe(409);
    expect((await server.request("/api/auth/users", { method: "POST", json: { username: "bob", password: "short" } })).status).toBe(400);

    const response = await login({ username: "alice", password: "correct horse battery" });
    expect(response.status).toBe(200);
    expect((await response.json()).tenant).toEqual({ id: DEMO.tenantId, name: DEMO.tenantName });
    expect((await login({ username: "alice", password: "wrong password!" })).status).toBe(401);
    expect((await login({ username: "nobody", password: "wrong password!" })).status).toBe(401);
  });

  it("sets an HttpOnly session cookie and a readable XSRF cookie on login with a token", async () => {
    const response = await login({ token: server.token });
    expect(response.status).toBe(200);
    const { xsrfToken } = await response.json();
    const lines = response.headers.getSetCookie();
    expect(lines.find((l) => l.startsWith("jm_session="))).toMatch(/HttpOnly/);
    expect(lines.find((l) => l.startsWith("jm_session="))).toMatch(/SameSite=Strict/);
    const xsrfCookie = lines.find((l) => l.startsWith("XSRF-TOKEN="));
    expect(xsrfCookie).toContain(`XSRF-TOKEN=${xsrfToken}`);
    expect(xsrfCookie).not.toMatch(/HttpOnly/);
    expect((await login({ token: "jm_wrong" })).status).toBe(401);
    expect((await login({ token: 5 })).status).toBe(400);
  });

  it("accepts reads on the session cookie, and writes only with the matching X-XSRF-TOKEN", async () => {
    const response = await login({ token: server.token });
    const { xsrfToken } = await response.json();
    const cookie = cookieHeader(response);
    const withSession = (path: string, init: RequestInit & { json?: unknown } = {}, xsrf?: string) =>
      server.request(path, { ...init, token: null, headers: { cookie, ...(xsrf ? { "x-xsrf-token": xsrf } : {}) } });

    expect((await withSession(`/api/modelmanagement/v3/models/${DEMO.modelId}`)).status).toBe(200);

    const before = await server.db.folder.count();
    for (const xsrf of [undefined, "wrong-token", `${xsrfToken}x`]) {
      const refused = await withSession("/api/dataexchange/v3/directories", { method: "POST", json: { name: "xsrf", parentId: "_PUBLIC_ROOT_ID" } }, xsrf);
      expect(refused.status).toBe(403);
      expect((await refused.json()).errors[0]).toMatchObject({ code: "jobmanager.forbidden", message: expect.stringContaining("X-XSRF-TOKEN") });
    }
    const graphqlRefused = await withSession("/graphql", { method: "POST", json: { query: 'mutation { createFolder(name: "xsrf", parentId: "_PUBLIC_ROOT_ID") { id } }' } });
    expect(graphqlRefused.status).toBe(403);
    expect(await server.db.folder.count()).toBe(before);

    const accepted = await withSession("/api/dataexchange/v3/directories", { method: "POST", json: { name: "xsrf", parentId: "_PUBLIC_ROOT_ID" } }, xsrfToken);
    expect(accepted.status).toBe(201);
    const graphql = await withSession("/graphql", { method: "POST", json: { query: "{ viewer { id } }" } }, xsrfToken);
    expect(await graphql.json()).toEqual({ data: { viewer: { id: DEMO.tenantId } } });

    expect((await withSession("/api/auth/logout", { method: "POST" }, xsrfToken)).status).toBe(204);
    expect((await withSession(`/api/modelmanagement/v3/models/${DEMO.modelId}`)).status).toBe(401);
  });

  it("opens a graphql-ws socket on the session cookie with its XSRF token, and not after logout", async () => {
    await server.request("/api/auth/users", { method: "POST", json: { username: "socket-user", password: "a long enough password" } });
    const response = await login({ username: "socket-user", password: "a long enough password" });
    const { xsrfToken } = await response.json();
    const cookie = cookieHeader(response);

    expect(await viewerOverSocket(server.url, cookie, { xsrfToken })).toEqual({ name: DEMO.tenantName });
    // The cookie alone (what a page of another site could make a browser send) is refused.
    expect(await viewerOverSocket(server.url, cookie, {})).toEqual({ closeCode: 4403 });
    expect(await viewerOverSocket(server.url, cookie, { xsrfToken: "wrong" })).toEqual({ closeCode: 4403 });
    expect(await viewerOverSocket(server.url, "", { xsrfToken })).toEqual({ closeCode: 4403 });

    const logout = await server.request("/api/auth/logout", { method: "POST", token: null, headers: { cookie, "x-xsrf-token": xsrfToken } });
    expect(logout.status).toBe(204);
    expect(await viewerOverSocket(server.url, cookie, { xsrfToken })).toEqual({ closeCode: 4403 });
    expect((await server.request("/graphql", { method: "POST", token: null, json: { query: "{ viewer { id } }" }, headers: { cookie, "x-xsrf-token": xsrfToken } })).status).toBe(401);
  });

  it("needs no XSRF token for bearer-token requests", async () => {
    const response = await server.request("/api/dataexchange/v3/directories", { method: "POST", json: { name: "bearer", parentId: "_PUBLIC_ROOT_ID" } });
    expect(response.status).toBe(201);
  });
});
