/**
 * Web sessions: the cookie holds a random secret (only its SHA-256 is stored, as for API
 * tokens); each session has its own XSRF token for the double-submit check.
 */
import { randomBytes } from "node:crypto";
import type { Db, Session, Tenant } from "./client";
import { hashToken } from "./tokens";

export async function createSession(
  db: Db,
  input: { tenantId: string; userId: string; ttlMs: number },
): Promise<{ secret: string; xsrfToken: string; session: Session }> {
  const secret = randomBytes(32).toString("base64url");
  const xsrfToken = randomBytes(24).toString("base64url");
  const session = await db.session.create({
    data: { tenantId: input.tenantId, userId: input.userId, secretHash: hashToken(secret), xsrfToken, expiresAt: new Date(Date.now() + input.ttlMs) },
  });
  return { secret, xsrfToken, session };
}

/** The live session for a cookie secret, with its tenant, or null. */
export async function findSession(db: Db, secret: string): Promise<(Session & { tenant: Tenant }) | null> {
  const session = await db.session.findUnique({ where: { secretHash: hashToken(secret) }, include: { tenant: true } });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}
