/**
 * Authentication: `Authorization: Bearer <token>` (HTTP) or `{authorization}` in the
 * graphql-ws connection parameters. Tokens are looked up by their hash.
 */
import { findTenantByToken, type Db, type Tenant } from "@jobmanager/db";
import { UnauthorizedError } from "@jobmanager/domain";

export async function authenticate(db: Db, authorization: unknown): Promise<Tenant> {
  if (typeof authorization !== "string") throw new UnauthorizedError();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new UnauthorizedError("The Authorization header must be 'Bearer <token>'.");
  const tenant = await findTenantByToken(db, match[1]);
  if (!tenant) throw new UnauthorizedError("The token is unknown or revoked.");
  return tenant;
}
