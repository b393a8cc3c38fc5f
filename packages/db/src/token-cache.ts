/**
 * The in-process memory of API token look-ups, one per database client: a token's tenant is
 * kept for TOKEN_CACHE_TTL_MS so that a request need not read the token table, and the token's
 * `lastUsedAt` is written at most once per LAST_USED_INTERVAL_MS, after the request, never on
 * its path.
 *
 * Revocation through `revokeApiToken` forgets the token here at once. Another process sharing
 * the database (a second server on the same file) keeps honouring a token it revoked for at
 * most TOKEN_CACHE_TTL_MS.
 */
import type { Db, Tenant } from "./client";

export const TOKEN_CACHE_TTL_MS = 30_000;
export const LAST_USED_INTERVAL_MS = 60_000;
/** Beyond this many live entries the cache starts over (it only ever holds valid tokens). */
const MAX_ENTRIES = 10_000;

interface CachedToken {
  tokenId: string;
  tenant: Tenant;
  /** The user the token acts as. */
  userId: string;
  expiresAt: number;
}

interface TokenMemory {
  byHash: Map<string, CachedToken>;
  /** When this process last wrote each token's lastUsedAt. */
  lastUsedWritten: Map<string, number>;
  pendingWrites: Set<Promise<void>>;
  /** Counts revocations, so that a look-up that raced one does not cache what it read. */
  revocations: number;
}

const memories = new WeakMap<Db, TokenMemory>();

function memoryOf(db: Db): TokenMemory {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = { byHash: new Map(), lastUsedWritten: new Map(), pendingWrites: new Set(), revocations: 0 }));
  return memory;
}

export function cachedToken(db: Db, secretHash: string, now: number): CachedToken | null {
  const memory = memoryOf(db);
  const entry = memory.byHash.get(secretHash);
  if (!entry) return null;
  if (entry.expiresAt > now) return entry;
  memory.byHash.delete(secretHash);
  return null;
}

/** Marks the start of a database look-up; pass the mark to cacheToken. */
export function lookUpMark(db: Db): number {
  return memoryOf(db).revocations;
}

export function cacheToken(db: Db, mark: number, secretHash: string, tokenId: string, tenant: Tenant, userId: string, now: number): void {
  const { byHash, revocations } = memoryOf(db);
  if (mark !== revocations) return;
  if (byHash.size >= MAX_ENTRIES) byHash.clear();
  byHash.set(secretHash, { tokenId, tenant, userId, expiresAt: now + TOKEN_CACHE_TTL_MS });
}

/** Forgets a token (it was revoked): its next use reads the database again. */
export function forgetToken(db: Db, tokenId: string): void {
  const memory = memoryOf(db);
  memory.revocations++;
  const { byHash } = memory;
  for (const [hash, entry] of byHash) if (entry.tokenId === tokenId) byHash.delete(hash);
}

/**
 * Records a use of the token: sets its lastUsedAt in the background unless this process did
 * so less than LAST_USED_INTERVAL_MS ago; the UPDATE's own condition keeps other processes to
 * the same pace. A failed write is only a missed timestamp.
 */
export function recordTokenUse(db: Db, tokenId: string, now: number): void {
  const memory = memoryOf(db);
  const last = memory.lastUsedWritten.get(tokenId);
  if (last !== undefined && now - last < LAST_USED_INTERVAL_MS) return;
  memory.lastUsedWritten.set(tokenId, now);
  if (memory.lastUsedWritten.size > MAX_ENTRIES) memory.lastUsedWritten.clear();
  const write = db.apiToken
    .updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now - LAST_USED_INTERVAL_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    })
    .then(
      () => {},
      () => {},
    )
    .finally(() => memory.pendingWrites.delete(write));
  memory.pendingWrites.add(write);
}

/** Resolves once the lastUsedAt writes started so far have ended (tests, shutdown). */
export async function tokenUseWritten(db: Db): Promise<void> {
  await Promise.all(memoryOf(db).pendingWrites);
}
