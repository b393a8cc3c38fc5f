/** How the browser's credentials become headers and socket parameters (lib/auth.ts), table-driven. */
import { describe, expect, it } from "vitest";
import { authHeaders, socketConnectionParams, xsrfTokenFromCookies, type BrowserAuth } from "../lib/auth";

describe("xsrfTokenFromCookies", () => {
  it.each([
    ["", null],
    ["other=1", null],
    ["XSRF-TOKEN=abc", "abc"],
    ["a=1; XSRF-TOKEN=abc%2Fdef; b=2", "abc/def"],
    ["NOT-XSRF-TOKEN=x; XSRF-TOKEN=y", "y"],
    ["XSRF-TOKEN=", null],
    ["XSRF-TOKEN=%E0%A4%A", null],
  ])("reads %j as %j", (cookies, expected) => {
    expect(xsrfTokenFromCookies(cookies)).toBe(expected);
  });
});

describe("authHeaders and socketConnectionParams", () => {
  const cases: [BrowserAuth, Record<string, string>, Record<string, string>][] = [
    [{ kind: "token", token: "jm_x" }, { authorization: "Bearer jm_x" }, { authorization: "Bearer jm_x" }],
    [{ kind: "session", xsrfToken: "s1" }, { "X-XSRF-TOKEN": "s1" }, { xsrfToken: "s1" }],
    [{ kind: "none" }, {}, {}],
  ];
  it.each(cases)("for %j sends headers %j and socket parameters %j", (auth, headers, params) => {
    expect(authHeaders(auth)).toEqual(headers);
    expect(socketConnectionParams(auth)).toEqual(params);
  });
});
