/**
 * The session and XSRF cookies are Secure exactly when the login came over https: here, through
 * a proxy the configuration trusts (JOBMANAGER_TRUST_PROXY) that says so in X-Forwarded-Proto.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness";

async function loginCookies(server: TestServer, headers: Record<string, string> = {}): Promise<string[]> {
  const response = await server.request("/api/auth/login", { method: "POST", json: { token: server.token }, token: null, headers });
  expect(response.status).toBe(200);
  const lines = response.headers.getSetCookie();
  expect(lines.map((line) => line.split("=")[0]).sort()).toEqual(["XSRF-TOKEN", "jm_session"]);
  return lines;
}

const isSecure = (line: string) => line.split(";").some((part) => part.trim().toLowerCase() === "secure");

describe("Secure session cookies", () => {
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      startTestServer({ runner: false }),
      startTestServer({ runner: false, env: { JOBMANAGER_TRUST_PROXY: "loopback" } }),
    ]);
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it("leaves them without Secure over plain http", async () => {
    expect((await loginCookies(direct)).some(isSecure)).toBe(false);
    expect((await loginCookies(proxied, { "x-forwarded-proto": "http" })).some(isSecure)).toBe(false);
  });

  it("marks both Secure when a trusted proxy received the login over https", async () => {
    expect((await loginCookies(proxied, { "x-forwarded-proto": "https" })).every(isSecure)).toBe(true);
  });

  it("ignores X-Forwarded-Proto from a client it does not trust", async () => {
    expect((await loginCookies(direct, { "x-forwarded-proto": "https" })).some(isSecure)).toBe(false);
  });
});
