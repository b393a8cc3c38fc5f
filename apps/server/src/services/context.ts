import type { Db, EventBus, Tenant } from "@jobmanager/db";
import type { BlobStore } from "@jobmanager/storage";

/** Upload limits from the configuration, in bytes. */
export interface Limits {
  maxModelBytes: number;
  maxFileBytes: number;
}

/**
 * What every service call gets: the database, the bus, blob storage, limits, and the
 * authenticated tenant and user (whose private folders it sees).
 */
export interface ServiceContext {
  db: Db;
  bus: EventBus;
  blobs: BlobStore;
  limits: Limits;
  tenant: Tenant;
  userId: string;
}

/** The principal of a service call, as the db helpers take it. */
export function principalOf(ctx: ServiceContext): { tenantId: string; userId: string } {
  return { tenantId: ctx.tenant.id, userId: ctx.userId };
}
