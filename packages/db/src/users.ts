/**
 * Users and their passwords: a slow, salted hash (node's scrypt, N=2^14, r=8, p=1), checked
 * in constant time. The parameters travel with the hash so they can be raised later.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { Db, User } from "./client";

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 64;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * The tenant's default user (`tenant:<tenantId>`, no password, so no password login): the
 * owner of tokens made for the tenant as a whole (the seed, test tenants). Created on first use.
 */
export async function defaultUserOf(db: Db, tenantId: string): Promise<User> {
  const username = `tenant:${tenantId}`;
  return db.user.upsert({ where: { username }, create: { tenantId, username, passwordHash: "" }, update: {} });
}

export async function createUser(db: Db, input: { tenantId: string; username: string; password: string }): Promise<User> {
  return db.user.create({ data: { tenantId: input.tenantId, username: input.username, passwordHash: await hashPassword(input.password) } });
}

/** The user when the password matches; null otherwise (unknown users cost the same hash). */
export async function findUserByPassword(db: Db, username: string, password: string): Promise<User | null> {
  const user = await db.user.findUnique({ where: { username } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? user : null;
}

const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(KEY_BYTES).toString("base64url")}`;
