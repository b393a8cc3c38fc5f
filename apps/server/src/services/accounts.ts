/**
 * Logins, users and API tokens. Secrets (token, session) are shown once and stored hashed;
 * passwords are stored as scrypt hashes. A failed login never says which half was wrong.
 */
import { createApiToken, createSession, createUser as createUserRow, findTenantByToken, findUserByPassword, isUniqueViolation, listApiTokens, revokeApiToken, type Db, type Tenant } from "@jobmanager/db";
import { ConflictError, CreateTokenInput, CreateUserInput, LoginInput, NotFoundError, parseInput, UnauthorizedError } from "@jobmanager/domain";
import type { ServiceContext } from "./context";

export interface LoginResult {
  tenant: Tenant;
  sessionSecret: string;
  xsrfToken: string;
}

export async function login(db: Db, input: unknown, ttlMs: number): Promise<LoginResult> {
  const credentials = parseInput(LoginInput, input);
  let tenant: Tenant | null = null;
  let userId: string | null = null;
  if ("token" in credentials) {
    const principal = await findTenantByToken(db, credentials.token);
    if (principal) ({ tenant, userId } = principal);
  } else {
    const user = await findUserByPassword(db, credentials.username, credentials.password);
    if (user) {
      userId = user.id;
      tenant = await db.tenant.findUnique({ where: { id: user.tenantId } });
    }
  }
  if (!tenant || !userId) throw new UnauthorizedError("The credentials are not valid.");
  const { secret, xsrfToken } = await createSession(db, { tenantId: tenant.id, userId, ttlMs });
  return { tenant, sessionSecret: secret, xsrfToken };
}

/** A new token of the signed-in user (it sees that user's private folders). */
export function createToken({ db, tenant, userId }: ServiceContext, input: unknown) {
  const { name } = parseInput(CreateTokenInput, input);
  return createApiToken(db, tenant.id, name, userId);
}

export function listTokens({ db, tenant }: ServiceContext) {
  return listApiTokens(db, tenant.id);
}

export async function revokeToken({ db, tenant }: ServiceContext, id: string): Promise<void> {
  if (!(await revokeApiToken(db, tenant.id, id))) throw new NotFoundError("API token", id);
}

export async function createUser({ db, tenant }: ServiceContext, input: unknown) {
  const { username, password } = parseInput(CreateUserInput, input);
  try {
    const user = await createUserRow(db, { tenantId: tenant.id, username, password });
    return { id: user.id, username: user.username, createdAt: user.createdAt };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The username '${username}' is taken.`);
    throw error;
  }
}

export function listUsers({ db, tenant }: ServiceContext) {
  return db.user.findMany({ where: { tenantId: tenant.id }, orderBy: { username: "asc" }, select: { id: true, username: true, createdAt: true } });
}
