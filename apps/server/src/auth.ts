/**
 * Authentication: `Authorization: Bearer <token>` (HTTP) or `{authorization}` in the
 * graphql-ws connection parameters; or, for the browser, the HttpOnly session cookie. A
 * request on a session that could change state (any method but GET, HEAD, OPTIONS, so every
 * GraphQL POST too) must echo the session's XSRF token in `X-XSRF-TOKEN` (double submit: the
 * token is also in the readable XSRF-TOKEN cookie), or it gets 403. Bearer requests need no
 * XSRF token: a browser never adds that header by itself. A graphql-ws socket on a session
 * (the browser sends the cookie with the upgrade request) must echo the XSRF token in its
 * connection parameters (`{xsrfToken}`), which a page on another site cannot read.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { findSession, findTenantByToken, type Db, type Session, type Tenant } from "@jobmanager/db";
import { ForbiddenError, UnauthorizedError } from "@jobmanager/domain";

export const SESSION_COOKIE = "jm_session";
export const XSRF_COOKIE = "XSRF-TOKEN";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Who a request acts as: every principal is a user of a tenant (a token's owner, a session's user). */
export interface Principal {
  tenant: Tenant;
  userId: string;
}

export async function authenticate(db: Db, authorization: unknown): Promise<Principal> {
  if (typeof authorization !== "string") throw new UnauthorizedError();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new UnauthorizedError("The Authorization header must be 'Bearer <token>'.");
  const principal = await findTenantByToken(db, match[1]);
  if (!principal) throw new UnauthorizedError("The token is unknown or revoked.");
  return principal;
}

export interface Authenticated extends Principal {
  /** The web session, when the request came with the session cookie rather than a token. */
  session: Session | null;
}

export async function authenticateRequest(db: Db, req: { method: string; headers: IncomingHttpHeaders }): Promise<Authenticated> {
  if (req.headers.authorization !== undefined) return { ...(await authenticate(db, req.headers.authorization)), session: null };
  const secret = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  if (!secret) throw new UnauthorizedError();
  const session = await findSession(db, secret);
  if (!session) throw new UnauthorizedError("The session has expired or ended; log in again.");
  if (!SAFE_METHODS.has(req.method.toUpperCase())) {
    const header = req.headers["x-xsrf-token"];
    if (typeof header !== "string" || !sameSecret(header, session.xsrfToken)) {
      throw new ForbiddenError("The X-XSRF-TOKEN header is missing or does not match this session's XSRF token.");
    }
  }
  const { tenant, ...row } = session;
  return { tenant, userId: row.userId, session: row };
}

/**
 * The principal of a graphql-ws connection: the bearer token in the connection parameters, or
 * else the session cookie of the upgrade request with the session's XSRF token echoed in
 * the connection parameters (the upgrade is a GET, so the cookie alone would let any site
 * that a user visits open a socket on the user's session).
 */
export async function authenticateSocket(db: Db, headers: IncomingHttpHeaders, connectionParams: Readonly<Record<string, unknown>> | undefined): Promise<Principal> {
  const authorization = connectionParams?.authorization;
  if (authorization !== undefined) return authenticate(db, authorization);
  const xsrfToken = connectionParams?.xsrfToken;
  const request = { method: "POST", headers: { cookie: headers.cookie, "x-xsrf-token": typeof xsrfToken === "string" ? xsrfToken : undefined } };
  const { tenant, userId } = await authenticateRequest(db, request);
  return { tenant, userId };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies[name] ??= decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // a cookie that is not valid percent-encoding is ignored
    }
  }
  return cookies;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
