/**
 * The short lists the job pages pick from: the tenant's models and folders by name. The full
 * catalog lives in models.ts, data-exchange.ts and configurations.ts.
 */
import { PUBLIC_ROOT_ID, PRIVATE_ROOT_ID } from "@jobmanager/db";
import { NotFoundError } from "@jobmanager/domain";
import type { ServiceContext } from "./context";

export function listModels({ db, tenant }: ServiceContext) {
  return db.model.findMany({ where: { tenantId: tenant.id }, orderBy: { name: "asc" } });
}

export async function getModel({ db, tenant }: ServiceContext, id: string) {
  const model = await db.model.findFirst({ where: { id, tenantId: tenant.id } });
  if (!model) throw new NotFoundError("Model", id);
  return model;
}

export async function listFolders({ db, tenant }: ServiceContext, parentId: string) {
  if (parentId !== PUBLIC_ROOT_ID && parentId !== PRIVATE_ROOT_ID) {
    const parent = await db.folder.count({ where: { id: parentId, tenantId: tenant.id } });
    if (!parent) throw new NotFoundError("Folder", parentId);
  }
  return db.folder.findMany({ where: { tenantId: tenant.id, parentId }, orderBy: { name: "asc" } });
}
