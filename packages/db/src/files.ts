/**
 * Data Exchange folders and files: metadata rows here, content in blob storage. Root ids are
 * virtual and exist for every tenant; every query is scoped by tenant. Everything under
 * `_PRIVATE_ROOT_ID` belongs to one user (`ownerUserId`) and is invisible to everyone else;
 * everything under `_PUBLIC_ROOT_ID` has the owner "" and is shared by the tenant.
 */
import type { Readable } from "node:stream";
import type { BlobStore } from "@jobmanager/storage";
import type { Db, File, Folder } from "./client";

export const PUBLIC_ROOT_ID = "_PUBLIC_ROOT_ID";
export const PRIVATE_ROOT_ID = "_PRIVATE_ROOT_ID";
const ROOT_IDS = new Set([PUBLIC_ROOT_ID, PRIVATE_ROOT_ID]);
/** The owner of the public tree: nobody in particular. */
export const SHARED_OWNER = "";

/** Who is asking: the tenant and the user (a token's or a session's). */
export interface Principal {
  tenantId: string;
  userId: string;
}

export function isRootFolderId(id: string): boolean {
  return ROOT_IDS.has(id);
}

/** The where-clause of the folders and files a principal may see: the shared ones and their own. */
export function visibleTo(principal: Principal) {
  return { tenantId: principal.tenantId, ownerUserId: { in: [SHARED_OWNER, principal.userId] } };
}

/** A visible folder's row, null for a root id, undefined when missing, foreign or another user's. */
export async function findVisibleFolder(db: Db, principal: Principal, folderId: string): Promise<Folder | null | undefined> {
  if (isRootFolderId(folderId)) return null;
  return (await db.folder.findFirst({ where: { id: folderId, ...visibleTo(principal) } })) ?? undefined;
}

/** The owner of what is put in a folder: the folder's own owner, or the root's (the principal for the private root). */
export function ownerOfChildren(principal: Principal, folderId: string, folder: Folder | null): string {
  if (folder) return folder.ownerUserId;
  return folderId === PRIVATE_ROOT_ID ? principal.userId : SHARED_OWNER;
}

/**
 * The owner of what a principal writes into a folder. A folder that has gone (deleted while a
 * job ran) gives the principal itself, so nothing written there becomes visible to others.
 */
export async function ownerForWritingInto(db: Db, principal: Principal, folderId: string): Promise<string> {
  const folder = await findVisibleFolder(db, principal, folderId);
  return folder === undefined ? principal.userId : ownerOfChildren(principal, folderId, folder);
}

export async function folderExists(db: Db, principal: Principal, folderId: string): Promise<boolean> {
  return (await findVisibleFolder(db, principal, folderId)) !== undefined;
}

/**
 * Returns the folder named `name` under `parentId`, creating it when it does not exist.
 * `ownerUserId` must be the parent's ownerOfChildren (the shared owner when omitted).
 */
export async function ensureFolder(
  db: Db,
  input: { tenantId: string; ownerUserId?: string; parentId: string; name: string; modifiedBy: string; id?: string },
): Promise<Folder> {
  const { tenantId, parentId, name } = input;
  const ownerUserId = input.ownerUserId ?? SHARED_OWNER;
  return db.folder.upsert({
    where: { tenantId_ownerUserId_parentId_name: { tenantId, ownerUserId, parentId, name } },
    create: { ...input, ownerUserId },
    update: {},
  });
}

/**
 * Writes a file, replacing the content of one with the same name in the folder. `ownerUserId`
 * must be the folder's ownerOfChildren (the shared owner when omitted).
 */
export async function putFile(
  db: Db,
  blobs: BlobStore,
  input: { tenantId: string; ownerUserId?: string; folderId: string; name: string; content: Readable | Buffer | string; modifiedBy: string; contentType?: string },
): Promise<File> {
  const { tenantId, folderId, name, modifiedBy } = input;
  const ownerUserId = input.ownerUserId ?? SHARED_OWNER;
  const key = { tenantId_ownerUserId_folderId_name: { tenantId, ownerUserId, folderId, name } };
  const blob = await blobs.write(input.content);
  const previous = await db.file.findUnique({ where: key });
  const data = {
    sizeInBytes: blob.size,
    blobKey: blob.key,
    modifiedBy,
    contentType: input.contentType ?? contentTypeOf(name),
  };
  const file = await db.file.upsert({
    where: key,
    create: { tenantId, ownerUserId, folderId, name, ...data },
    update: data,
  });
  if (previous) await blobs.delete(previous.blobKey);
  return file;
}

/**
 * Every file the principal sees under a folder and its subfolders, with its path relative to
 * that folder (the shared tree, or the principal's own private one): each
 * folder's files by name, then its subfolders by name, depth first. Two queries whatever the
 * depth: the folder tree (a recursive CTE) and the files of all its folders.
 */
export async function listFilesRecursive(db: Db, principal: Principal, folderId: string): Promise<Array<{ path: string; file: File }>> {
  const { tenantId, userId } = principal;
  // UNION (not UNION ALL): a cycle of parent ids, should one ever exist, ends the recursion.
  const folders = await db.$queryRaw<Array<{ id: string; parentId: string; name: string }>>`
    WITH RECURSIVE tree(id, parentId, name) AS (
      SELECT id, parentId, name FROM "Folder" WHERE tenantId = ${tenantId} AND ownerUserId IN (${SHARED_OWNER}, ${userId}) AND parentId = ${folderId}
      UNION
      SELECT f.id, f.parentId, f.name FROM "Folder" f JOIN tree ON f.tenantId = ${tenantId} AND f.ownerUserId IN (${SHARED_OWNER}, ${userId}) AND f.parentId = tree.id
    )
    SELECT id, parentId, name FROM tree ORDER BY name`;
  const files = await db.file.findMany({
    where: { ...visibleTo(principal), folderId: { in: [folderId, ...folders.map((f) => f.id)] } },
    orderBy: { name: "asc" },
  });
  const childrenOf = groupBy(folders, (f) => f.parentId);
  const filesOf = groupBy(files, (f) => f.folderId);
  const result: Array<{ path: string; file: File }> = [];
  const visit = (id: string, prefix: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const file of filesOf.get(id) ?? []) result.push({ path: prefix + file.name, file });
    for (const child of childrenOf.get(id) ?? []) visit(child.id, `${prefix}${child.name}/`, seen);
  };
  visit(folderId, "", new Set());
  return result;
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const CONTENT_TYPES: Record<string, string> = {
  csv: "text/csv",
  txt: "text/plain",
  json: "application/json",
  html: "text/html",
  md: "text/markdown",
  png: "image/png",
  jpg: "image/jpeg",
  svg: "image/svg+xml",
  zpln: "application/json",
  ipynb: "application/x-ipynb+json",
};

export function contentTypeOf(name: string): string {
  const extension = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

/** Records that a job wrote a file (its outputs and executed notebook), for the job's detail. */
export async function recordJobOutput(db: Db, jobId: string, file: File, path: string): Promise<void> {
  await db.jobOutputFile.upsert({
    where: { jobId_fileId: { jobId, fileId: file.id } },
    create: { jobId, fileId: file.id, path },
    update: { path },
  });
}
