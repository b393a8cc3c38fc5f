/**
 * API tokens: a random secret shown once; only its SHA-256 is stored. A fast hash is right
 * here because the secret has 256 bits of entropy (slow hashes are for passwords).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tenant } from "./client";
import { cachedToken, cacheToken, forgetToken, lookUpMark, recordTokenUse } from "./token-cache";
import { defaultUserOf } from "./users";

const PREFIX = "jm_";

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What a token's owner may see of it: never the secret's hash. */
const LISTED = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/**
 * A new token acting as `userId`, or as the tenant's default user when none is given: its
 * listed fields, and the secret (shown this once; only its hash is stored).
 */
export async function createApiToken(db: Db, tenantId: string, name: string, userId?: string) {
  const secret = PREFIX + randomBytes(32).toString("base64url");
  const owner = userId ?? (await defaultUserOf(db, tenantId)).id;
  const token = await db.apiToken.create({
    data: { tenantId, userId: owner, name, secretHash: hashToken(secret), prefix: secret.slice(0, PREFIX.length + 6) },
    select: LISTED,
  });
  return { ...token, secret };
}

/**
 * The tenant and user a live (not revoked) token acts as, or null. Answers from the token
 * cache (token-cache.ts) when it can, and records the use (lastUsedAt, throttled, in the
 * background).
 */
export async function findTenantByToken(db: Db, secret: string, now = Date.now()): Promise<{ tenant: Tenant; userId: string } | null> {
  if (!secret.startsWith(PREFIX)) return null;
  const secretHash = hashToken(secret);
  const cached = cachedToken(db, secretHash, now);
  if (cached) {
    recordTokenUse(db, cached.tokenId, now);
    return { tenant: cached.tenant, userId: cached.userId };
  }
  const mark = lookUpMark(db);
  const token = await db.apiToken.findUnique({ where: { secretHash }, include: { tenant: true } });
  if (!token || token.revokedAt) return null;
  cacheToken(db, mark, secretHash, token.id, token.tenant, token.userId, now);
  recordTokenUse(db, token.id, now);
  return { tenant: token.tenant, userId: token.userId };
}

/** The tenant's tokens, newest first, without any secret. */
export function listApiTokens(db: Db, tenantId: string) {
  return db.apiToken.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: LISTED,
  });
}

/** Revokes one of the tenant's tokens; false when the tenant has no token with that id. */
export async function revokeApiToken(db: Db, tenantId: string, id: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetToken(db, id); // after the UPDATE: a look-up that read the row before it caches nothing
  if (count === 1) return true;
  return (await db.apiToken.count({ where: { id, tenantId } })) === 1; // already revoked: still the tenant's
}
