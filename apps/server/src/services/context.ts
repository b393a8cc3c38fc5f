import type { Db, EventBus, Tenant } from "@jobmanager/db";

/** What every service call gets: the database, the bus and the authenticated tenant. */
export interface ServiceContext {
  db: Db;
  bus: EventBus;
  tenant: Tenant;
}
