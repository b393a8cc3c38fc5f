/**
 * Data Exchange: folders and files of the tenant, content in blob storage. Every lookup is
 * scoped by tenant and user (a foreign id, or one in another user's private tree, is a 404:
 * see `visibleTo`); what is created or moved takes the owner of the folder it lands in, so a
 * whole subtree is either public or one user's. Names follow ItemName and paths stay within
 * MAX_PATH_BYTES. Blobs have generated keys, so no name or id can reach a path of its own
 * choosing. A service that receives a stored blob owns it: it deletes the blob when it refuses.
 */
import type { Readable } from "node:stream";
import { contentTypeOf, findVisibleFolder, isRootFolderId, isUniqueViolation, ownerOfChildren, visibleTo, type File, type Folder } from "@jobmanager/db";
import {
  ConflictError,
  CreateDirectoryInput,
  FileMetadata,
  MAX_PATH_BYTES,
  MoveInput,
  NotFoundError,
  CatalogPageQuery,
  parseInput,
  parseTextFilter,
  ValidationError,
} from "@jobmanager/domain";
import { principalOf, type ServiceContext } from "./context";
import { assertFirst, unknownCursor, type CursorQuery } from "./cursor-page";
import { textFilterWhere } from "./text-filter";

export interface StoredBlob {
  key: string;
  size: number;
}

export async function getFile(ctx: ServiceContext, id: string): Promise<File> {
  const file = await ctx.db.file.findFirst({ where: { id, ...visible(ctx) } });
  if (!file) throw new NotFoundError("File", id);
  return file;
}

/** A folder row, or null for a root id; a missing, foreign or other user's private id is a 404. */
export async function getFolder(ctx: ServiceContext, id: string): Promise<Folder | null> {
  const folder = await findVisibleFolder(ctx.db, principalOf(ctx), id);
  if (folder === undefined) throw new NotFoundError("Folder", id);
  return folder;
}

/** The owner of what goes into a folder (which must be visible): see ownerOfChildren. */
async function ownerIn(ctx: ServiceContext, folderId: string): Promise<string> {
  return ownerOfChildren(principalOf(ctx), folderId, await getFolder(ctx, folderId));
}

function visible(ctx: ServiceContext) {
  return visibleTo(principalOf(ctx));
}

export async function createDirectory(ctx: ServiceContext, input: unknown): Promise<Folder> {
  const { name, parentId } = parseInput(CreateDirectoryInput, input);
  const ownerUserId = await ownerIn(ctx, parentId);
  await assertNameFree(ctx, parentId, name);
  await assertPathLength(ctx, parentId, name);
  return clashAsConflict(parentId, name, () =>
    ctx.db.folder.create({ data: { tenantId: ctx.tenant.id, ownerUserId, parentId, name, modifiedBy: ctx.tenant.name } }),
  );
}

export async function createFile(ctx: ServiceContext, metadata: unknown, blob: StoredBlob): Promise<File> {
  return ownBlob(ctx, blob, async () => {
    const { name, parentId, type } = parseInput(FileMetadata, metadata);
    const ownerUserId = await ownerIn(ctx, parentId);
    await assertNameFree(ctx, parentId, name);
    await assertPathLength(ctx, parentId, name);
    return clashAsConflict(parentId, name, () =>
      ctx.db.file.create({
        data: {
          tenantId: ctx.tenant.id,
          ownerUserId,
          folderId: parentId,
          name,
          contentType: type || contentTypeOf(name),
          sizeInBytes: blob.size,
          blobKey: blob.key,
          modifiedBy: ctx.tenant.name,
        },
      }),
    );
  });
}

/** Replaces a file's content; the old blob goes only once the row points at the new one. */
export async function overwriteFile(ctx: ServiceContext, id: string, blob: StoredBlob): Promise<File> {
  return ownBlob(ctx, blob, async () => {
    const previous = await getFile(ctx, id);
    const file = await ctx.db.file.update({ where: { id }, data: { blobKey: blob.key, sizeInBytes: blob.size, modifiedBy: ctx.tenant.name } });
    await ctx.blobs.delete(previous.blobKey);
    return file;
  });
}

export async function openFile(ctx: ServiceContext, id: string): Promise<{ file: File; content: Readable }> {
  const file = await getFile(ctx, id);
  return { file, content: ctx.blobs.read(file.blobKey) };
}

export async function deleteFile(ctx: ServiceContext, id: string): Promise<void> {
  const file = await getFile(ctx, id);
  await ctx.db.file.delete({ where: { id } });
  await ctx.blobs.delete(file.blobKey);
}

export async function moveFile(ctx: ServiceContext, id: string, input: unknown): Promise<File> {
  const move = parseInput(MoveInput, input);
  const file = await getFile(ctx, id);
  const name = move.name ?? file.name;
  const parentId = move.parentId ?? file.folderId;
  if (name === file.name && parentId === file.folderId) return file;
  const ownerUserId = await ownerIn(ctx, parentId);
  await assertNameFree(ctx, parentId, name, id);
  await assertPathLength(ctx, parentId, name);
  return clashAsConflict(parentId, name, () => ctx.db.file.update({ where: { id }, data: { name, folderId: parentId, ownerUserId, modifiedBy: ctx.tenant.name } }));
}

export async function moveDirectory(ctx: ServiceContext, id: string, input: unknown): Promise<Folder> {
  const move = parseInput(MoveInput, input);
  const folder = await getFolder(ctx, id);
  if (!folder) throw new ValidationError(`The root folder '${id}' cannot be renamed or moved.`);
  const name = move.name ?? folder.name;
  const parentId = move.parentId ?? folder.parentId;
  if (name === folder.name && parentId === folder.parentId) return folder;
  const ownerUserId = await ownerIn(ctx, parentId);
  if ((await ancestorsOf(ctx, parentId)).some((ancestor) => ancestor.id === id) || parentId === id) {
    throw new ValidationError(`The folder '${folder.name}' cannot be moved into itself or one of its subfolders.`);
  }
  await assertNameFree(ctx, parentId, name, id);
  await assertPathLength(ctx, parentId, name, await deepestRelativePathBytes(ctx, id));
  if (ownerUserId === folder.ownerUserId) {
    return clashAsConflict(parentId, name, () => ctx.db.folder.update({ where: { id }, data: { name, parentId, modifiedBy: ctx.tenant.name } }));
  }
  // Between the public and the private tree: the whole subtree changes owner with it.
  const { folderIds } = await subtree(ctx, id);
  return clashAsConflict(parentId, name, async () => {
    const [moved] = await ctx.db.$transaction([
      ctx.db.folder.update({ where: { id }, data: { name, parentId, ownerUserId, modifiedBy: ctx.tenant.name } }),
      ctx.db.folder.updateMany({ where: { tenantId: ctx.tenant.id, id: { in: folderIds.slice(1) } }, data: { ownerUserId } }),
      ctx.db.file.updateMany({ where: { tenantId: ctx.tenant.id, folderId: { in: folderIds } }, data: { ownerUserId } }),
    ]);
    return moved;
  });
}

/** Deletes a folder; a non-empty one only with `recursive`, else 409. */
export async function deleteDirectory(ctx: ServiceContext, id: string, recursive: boolean): Promise<void> {
  const folder = await getFolder(ctx, id);
  if (!folder) throw new ValidationError(`The root folder '${id}' cannot be deleted.`);
  const { folderIds, files } = await subtree(ctx, id);
  if (!recursive && (folderIds.length > 1 || files.length > 0)) {
    throw new ConflictError(`The folder '${folder.name}' is not empty; delete it with recursive=true.`);
  }
  await ctx.db.$transaction([
    ctx.db.file.deleteMany({ where: { ...visible(ctx), folderId: { in: folderIds } } }),
    ctx.db.folder.deleteMany({ where: { ...visible(ctx), id: { in: folderIds } } }),
  ]);
  for (const file of files) await ctx.blobs.delete(file.blobKey);
}

export interface DirectoryPage {
  directories: Folder[];
  files: File[];
  pageNumber: number;
  pageSize: number;
  totalElements: number;
}

/** The where-clauses of a folder's listing: its visible subfolders and files, `filter` on `name`. */
async function directoryWhere(ctx: ServiceContext, id: string, filterText: unknown) {
  const name = textFilterWhere(parseTextFilter(filterText, ["name"]));
  await getFolder(ctx, id);
  return {
    folderWhere: { ...visible(ctx), parentId: id, ...name },
    fileWhere: { ...visible(ctx), folderId: id, ...name },
  };
}

/** Folders first, then files, each by name; one page across both. Filter on `name`. */
export async function listDirectory(ctx: ServiceContext, id: string, query: { pageNumber?: unknown; pageSize?: unknown; filter?: unknown }): Promise<DirectoryPage> {
  const { pageNumber, pageSize } = parseInput(CatalogPageQuery, { pageNumber: query.pageNumber, pageSize: query.pageSize });
  const { folderWhere, fileWhere } = await directoryWhere(ctx, id, query.filter);
  const [folderCount, fileCount] = await Promise.all([ctx.db.folder.count({ where: folderWhere }), ctx.db.file.count({ where: fileWhere })]);
  const start = pageNumber * pageSize;
  const directories = start < folderCount ? await ctx.db.folder.findMany({ where: folderWhere, orderBy: { name: "asc" }, skip: start, take: pageSize }) : [];
  const fileSkip = Math.max(0, start - folderCount);
  const fileTake = pageSize - directories.length;
  const files = fileTake > 0 ? await ctx.db.file.findMany({ where: fileWhere, orderBy: { name: "asc" }, skip: fileSkip, take: fileTake }) : [];
  return { directories, files, pageNumber, pageSize, totalElements: folderCount + fileCount };
}

export interface DirectoryCursorPage {
  directories: Folder[];
  files: File[];
  totalCount: number;
  hasNextPage: boolean;
  /** The id of the last item of the page (a folder's or a file's), for `after`. */
  endCursor: string | null;
}

/**
 * Cursor paging (GraphQL) in listDirectory's order: folders, then files, each by name. Names
 * are unique in a folder, so the item named by `after` fixes where the next page starts.
 */
export async function pageDirectoryAfter(ctx: ServiceContext, id: string, query: CursorQuery & { filter?: unknown }): Promise<DirectoryCursorPage> {
  assertFirst(query.first);
  const { folderWhere, fileWhere } = await directoryWhere(ctx, id, query.filter);
  let folderAfter: { name: { gt: string } } | undefined;
  let fileAfter: { name: { gt: string } } | undefined;
  let filesOnly = false;
  if (query.after) {
    const [folder, file] = await Promise.all([
      ctx.db.folder.findFirst({ where: { id: query.after, ...visible(ctx), parentId: id } }),
      ctx.db.file.findFirst({ where: { id: query.after, ...visible(ctx), folderId: id } }),
    ]);
    if (folder) folderAfter = { name: { gt: folder.name } };
    else if (file) [fileAfter, filesOnly] = [{ name: { gt: file.name } }, true];
    else throw unknownCursor(query.after, "items of this folder");
  }
  const take = query.first + 1; // one more, to know whether a next page exists
  const directories = filesOnly ? [] : await ctx.db.folder.findMany({ where: { AND: [folderWhere, folderAfter ?? {}] }, orderBy: { name: "asc" }, take });
  const files = take > directories.length ? await ctx.db.file.findMany({ where: { AND: [fileWhere, fileAfter ?? {}] }, orderBy: { name: "asc" }, take: take - directories.length }) : [];
  const [folderCount, fileCount] = await Promise.all([ctx.db.folder.count({ where: folderWhere }), ctx.db.file.count({ where: fileWhere })]);
  const hasNextPage = directories.length + files.length > query.first;
  const keptDirectories = directories.slice(0, query.first);
  const keptFiles = files.slice(0, query.first - keptDirectories.length);
  const last = keptFiles.at(-1) ?? keptDirectories.at(-1);
  return { directories: keptDirectories, files: keptFiles, totalCount: folderCount + fileCount, hasNextPage, endCursor: last?.id ?? null };
}

async function assertNameFree(ctx: ServiceContext, parentId: string, name: string, exceptId?: string): Promise<void> {
  const where = { ...visible(ctx), name, ...(exceptId ? { id: { not: exceptId } } : {}) };
  const [folders, files] = await Promise.all([
    ctx.db.folder.count({ where: { ...where, parentId } }),
    ctx.db.file.count({ where: { ...where, folderId: parentId } }),
  ]);
  if (folders + files > 0) throw new ConflictError(`A file or folder named '${name}' already exists in folder '${parentId}'.`);
}

/** The folders from the root down to `folderId` (empty for a root). */
async function ancestorsOf(ctx: ServiceContext, folderId: string): Promise<Folder[]> {
  const chain: Folder[] = [];
  let current = folderId;
  while (!isRootFolderId(current)) {
    const folder = await ctx.db.folder.findFirst({ where: { id: current, ...visible(ctx) } });
    if (!folder || chain.length > 1024) break; // a dangling parent or a cycle ends the walk
    chain.unshift(folder);
    current = folder.parentId;
  }
  return chain;
}

async function assertPathLength(ctx: ServiceContext, parentId: string, name: string, extraBytes = 0): Promise<void> {
  const path = [...(await ancestorsOf(ctx, parentId)).map((f) => f.name), name].join("/");
  const bytes = Buffer.byteLength(path, "utf8") + extraBytes;
  if (bytes > MAX_PATH_BYTES) throw new ValidationError(`The path '${path.slice(0, 80)}…' would be ${bytes} bytes long; the limit is ${MAX_PATH_BYTES} bytes.`);
}

/** Bytes the longest path inside a folder adds below it (`/sub/file.csv`). */
async function deepestRelativePathBytes(ctx: ServiceContext, folderId: string): Promise<number> {
  const children = await ctx.db.folder.findMany({ where: { ...visible(ctx), parentId: folderId } });
  const files = await ctx.db.file.findMany({ where: { ...visible(ctx), folderId }, select: { name: true } });
  let deepest = Math.max(0, ...files.map((f) => 1 + Buffer.byteLength(f.name, "utf8")));
  for (const child of children) deepest = Math.max(deepest, 1 + Buffer.byteLength(child.name, "utf8") + (await deepestRelativePathBytes(ctx, child.id)));
  return deepest;
}

async function subtree(ctx: ServiceContext, folderId: string): Promise<{ folderIds: string[]; files: File[] }> {
  const folderIds = [folderId];
  for (let i = 0; i < folderIds.length; i++) {
    const children = await ctx.db.folder.findMany({ where: { ...visible(ctx), parentId: folderIds[i] }, select: { id: true } });
    folderIds.push(...children.map((c) => c.id));
  }
  const files = await ctx.db.file.findMany({ where: { ...visible(ctx), folderId: { in: folderIds } } });
  return { folderIds, files };
}

async function clashAsConflict<T>(parentId: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A file or folder named '${name}' already exists in folder '${parentId}'.`);
    throw error;
  }
}

async function ownBlob<T>(ctx: ServiceContext, blob: StoredBlob, use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } catch (error) {
    await ctx.blobs.delete(blob.key);
    throw error;
  }
}
