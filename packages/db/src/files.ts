/**
 * Data Exchange folders and files: metadata rows here, content in blob storage. Root ids are
 * virtual and exist for every tenant; every query is scoped by tenant.
 */
import type { Readable } from "node:stream";
import type { BlobStore } from "@jobmanager/storage";
import type { Db, File, Folder } from "./client";

export const PUBLIC_ROOT_ID = "_PUBLIC_ROOT_ID";
export const PRIVATE_ROOT_ID = "_PRIVATE_ROOT_ID";
const ROOT_IDS = new Set([PUBLIC_ROOT_ID, PRIVATE_ROOT_ID]);

export function isRootFolderId(id: string): boolean {
  return ROOT_IDS.has(id);
}

export async function folderExists(db: Db, tenantId: string, folderId: string): Promise<boolean> {
  if (isRootFolderId(folderId)) return true;
  return (await db.folder.count({ where: { id: folderId, tenantId } })) === 1;
}

/** Returns the folder named `name` under `parentId`, creating it when it does not exist. */
export async function ensureFolder(
  db: Db,
  input: { tenantId: string; parentId: string; name: string; modifiedBy: string; id?: string },
): Promise<Folder> {
  const { tenantId, parentId, name } = input;
  return db.folder.upsert({
    where: { tenantId_parentId_name: { tenantId, parentId, name } },
    create: input,
    update: {},
  });
}

/** Writes a file, replacing the content of one with the same name in the folder. */
export async function putFile(
  db: Db,
  blobs: BlobStore,
  input: { tenantId: string; folderId: string; name: string; content: Readable | Buffer | string; modifiedBy: string; contentType?: string },
): Promise<File> {
  const { tenantId, folderId, name, modifiedBy } = input;
  const blob = await blobs.write(input.content);
  const previous = await db.file.findUnique({ where: { tenantId_folderId_name: { tenantId, folderId, name } } });
  const data = {
    sizeInBytes: blob.size,
    blobKey: blob.key,
    modifiedBy,
    contentType: input.contentType ?? contentTypeOf(name),
  };
  const file = await db.file.upsert({
    where: { tenantId_folderId_name: { tenantId, folderId, name } },
    create: { tenantId, folderId, name, ...data },
    update: data,
  });
  if (previous) await blobs.delete(previous.blobKey);
  return file;
}

/**
 * Every file under a folder and its subfolders, with its path relative to that folder: each
 * folder's files by name, then its subfolders by name, depth first. Two queries whatever the
 * depth: the folder tree (a recursive CTE) and the files of all its folders.
 */
export async function listFilesRecursive(db: Db, tenantId: string, folderId: string): Promise<Array<{ path: string; file: File }>> {
  // UNION (not UNION ALL): a cycle of parent ids, should one ever exist, ends the recursion.
  const folders = await db.$queryRaw<Array<{ id: string; parentId: string; name: string }>>`
    WITH RECURSIVE tree(id, parentId, name) AS (
      SELECT id, parentId, name FROM "Folder" WHERE tenantId = ${tenantId} AND parentId = ${folderId}
      UNION
      SELECT f.id, f.parentId, f.name FROM "Folder" f JOIN tree ON f.tenantId = ${tenantId} AND f.parentId = tree.id
    )
    SELECT id, parentId, name FROM tree ORDER BY name`;
  const files = await db.file.findMany({
    where: { tenantId, folderId: { in: [folderId, ...folders.map((f) => f.id)] } },
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
