/**
 * The folder lists the job pages pick from. The full catalog lives in models.ts (the model
 * picker's list too), data-exchange.ts and configurations.ts.
 */
import { PRIVATE_ROOT_ID, PUBLIC_ROOT_ID, visibleTo, type Folder } from "@jobmanager/db";
import { principalOf, type ServiceContext } from "./context";
import { getFolder } from "./data-exchange";

/** The folders directly under a folder the user sees (their own private ones, or the shared). */
export async function listFolders(ctx: ServiceContext, parentId: string) {
  await getFolder(ctx, parentId); // a missing, foreign or other user's folder is a 404
  return ctx.db.folder.findMany({ where: { ...visibleTo(principalOf(ctx)), parentId }, orderBy: { name: "asc" } });
}

const ROOT_LABELS: Record<string, string> = { [PUBLIC_ROOT_ID]: "Public", [PRIVATE_ROOT_ID]: "Private" };

/**
 * Every folder the user sees, at any depth and under both roots, with its path from its root
 * ("Public/sales/2026"), sorted by path: what a job's input and output pickers offer. One
 * query; the paths are joined in memory.
 */
export async function listFolderPaths(ctx: ServiceContext): Promise<Array<{ folder: Folder; path: string }>> {
  const folders = await ctx.db.folder.findMany({ where: visibleTo(principalOf(ctx)) });
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const paths = new Map<string, string>();
  const pathOf = (folder: Folder, depth = 0): string => {
    const known = paths.get(folder.id);
    if (known !== undefined) return known;
    const parent = byId.get(folder.parentId);
    // A parent the user cannot see cannot happen (ownership follows the tree); guard anyway, and against cycles.
    const prefix = parent && depth < 64 ? pathOf(parent, depth + 1) : (ROOT_LABELS[folder.parentId] ?? "…");
    const path = `${prefix}/${folder.name}`;
    paths.set(folder.id, path);
    return path;
  };
  return folders.map((folder) => ({ folder, path: pathOf(folder) })).sort((a, b) => a.path.localeCompare(b.path));
}
