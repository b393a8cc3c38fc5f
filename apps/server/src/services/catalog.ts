/**
 * The short lists the job pages pick from: the tenant's models and folders by name. The full
 * catalog lives in models.ts, data-exchange.ts and configurations.ts.
 */
import { folderExists, visibleTo } from "@jobmanager/db";
import { NotFoundError } from "@jobmanager/domain";
import { principalOf, type ServiceContext } from "./context";

export function listModels({ db, tenant }: ServiceContext) {
  return db.model.findMany({ where: { tenantId: tenant.id }, orderBy: { name: "asc" } });
}

export async function getModel({ db, tenant }: ServiceContext, id: string) {
  const model = await db.model.findFirst({ where: { id, tenantId: tenant.id } });
  if (!model) throw new NotFoundError("Model", id);
  return model;
}

/** The folders directly under a folder the user sees (their own private ones, or the shared). */
export async function listFolders(ctx: ServiceContext, parentId: string) {
  const principal = principalOf(ctx);
  if (!(await folderExists(ctx.db, principal, parentId))) throw new NotFoundError("Folder", parentId);
  return ctx.db.folder.findMany({ where: { ...visibleTo(principal), parentId }, orderBy: { name: "asc" } });
}
