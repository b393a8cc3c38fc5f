/**
 * Model Management: models and their versions. Every payload is parsed at once (an invalid
 * notebook never gets stored); version numbers, author and dates are the server's. A model
 * or version that a job ran is kept (409), so job history always points at real rows.
 */
import { isUniqueViolation, type Model, type ModelVersion } from "@jobmanager/db";
import {
  ConflictError,
  ModelMetadata,
  ModelPatch,
  NotFoundError,
  CatalogPageQuery,
  parseInput,
  parseNotebook,
  parseTextFilter,
  ValidationError,
  VersionDefinition,
  type Notebook,
} from "@jobmanager/domain";
import type { ServiceContext } from "./context";
import { cursorPage, type CursorPage, type CursorQuery } from "./cursor-page";
import { textFilterWhere } from "./text-filter";

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

export type ModelWithLastVersion = Model & { lastVersion: ModelVersion | null };

/** The include that reads a model's newest version only; withLastVersion turns it into `lastVersion`. */
const WITH_LAST_VERSION = { versions: { orderBy: { number: "desc" as const }, take: 1 } };

function withLastVersion<T extends { versions: ModelVersion[] }>({ versions, ...rest }: T) {
  return { ...rest, lastVersion: versions[0] ?? null };
}

const TYPE_OF_FORMAT: Record<Notebook["format"], string> = { zeppelin: "Zeppelin notebook", jupyter: "Jupyter notebook" };

export async function createModel(ctx: ServiceContext, metadata: unknown, upload: Upload): Promise<ModelWithLastVersion> {
  const input = parseInput(ModelMetadata, metadata);
  const notebook = parseNotebook(upload.fileName, upload.bytes);
  const blob = await ctx.blobs.write(upload.bytes);
  try {
    const model = await ctx.db.model.create({
      data: {
        tenantId: ctx.tenant.id,
        name: input.name,
        description: input.description,
        type: input.type ?? TYPE_OF_FORMAT[notebook.format],
        author: ctx.tenant.name,
        versions: { create: versionData(ctx, 1, notebook, upload, blob, input.lastVersion) },
      },
      include: { versions: true },
    });
    return withLastVersion(model);
  } catch (error) {
    await ctx.blobs.delete(blob.key);
    throw error;
  }
}

export async function getModel(ctx: ServiceContext, id: string): Promise<ModelWithLastVersion> {
  const model = await ctx.db.model.findFirst({ where: { id, tenantId: ctx.tenant.id }, include: WITH_LAST_VERSION });
  if (!model) throw new NotFoundError("Model", id);
  return withLastVersion(model);
}

/** Every model of the tenant by name, unpaged, with its last version: for the pickers and the models page. */
export async function listModelsByName(ctx: ServiceContext): Promise<ModelWithLastVersion[]> {
  const rows = await ctx.db.model.findMany({ where: { tenantId: ctx.tenant.id }, orderBy: { name: "asc" }, include: WITH_LAST_VERSION });
  return rows.map(withLastVersion);
}

const SORTS: Record<string, { field: "name" | "createdAt" | "type" | "author"; order: "asc" | "desc" }> = {};
for (const field of ["name", "type", "author"] as const) for (const order of ["asc", "desc"] as const) SORTS[`${field},${order}`] = { field, order };
for (const order of ["asc", "desc"] as const) {
  SORTS[order] = { field: "name", order };
  SORTS[`creationDate,${order}`] = { field: "createdAt", order };
}

export interface ModelPage {
  models: ModelWithLastVersion[];
  pageNumber: number;
  pageSize: number;
  totalElements: number;
}

/** The where and order of a model list: `filter` on name, type, description, author; `sort` is `asc`/`desc` (by name) or `field,asc|desc`. */
function modelListQuery(ctx: ServiceContext, query: { filter?: unknown; sort?: unknown }) {
  const filter = parseTextFilter(query.filter, ["name", "type", "description", "author"]);
  const sortKey = query.sort === undefined || query.sort === null || query.sort === "" ? "asc" : String(query.sort);
  const sort = SORTS[sortKey];
  if (!sort) throw new ValidationError(`Unknown sort '${sortKey}'; use asc, desc, or name|type|author|creationDate followed by ',asc' or ',desc'.`);
  const where = { tenantId: ctx.tenant.id, ...textFilterWhere(filter) };
  return { where, orderBy: [{ [sort.field]: sort.order }, { id: "asc" as const }], include: WITH_LAST_VERSION };
}

/** Offset paging (REST v3), see modelListQuery. */
export async function listModels(ctx: ServiceContext, query: { pageNumber?: unknown; pageSize?: unknown; filter?: unknown; sort?: unknown }): Promise<ModelPage> {
  const { pageNumber, pageSize } = parseInput(CatalogPageQuery, { pageNumber: query.pageNumber, pageSize: query.pageSize });
  const list = modelListQuery(ctx, query);
  const [rows, totalElements] = await Promise.all([
    ctx.db.model.findMany({ ...list, skip: pageNumber * pageSize, take: pageSize }),
    ctx.db.model.count({ where: list.where }),
  ]);
  return { models: rows.map(withLastVersion), pageNumber, pageSize, totalElements };
}

/** Cursor paging (GraphQL), with the same filter and sort as listModels. */
export async function pageModelsAfter(ctx: ServiceContext, query: CursorQuery & { filter?: unknown; sort?: unknown }): Promise<CursorPage<ModelWithLastVersion>> {
  const list = modelListQuery(ctx, query);
  const page = await cursorPage(query, "models", {
    exists: async (id) => (await ctx.db.model.count({ where: { id, tenantId: ctx.tenant.id } })) === 1,
    find: (args) => ctx.db.model.findMany({ ...list, ...args }),
    count: () => ctx.db.model.count({ where: list.where }),
  });
  return { ...page, nodes: page.nodes.map(withLastVersion) };
}

export async function updateModel(ctx: ServiceContext, id: string, patch: unknown): Promise<ModelWithLastVersion> {
  const input = parseInput(ModelPatch, patch);
  await getModel(ctx, id);
  await ctx.db.model.update({ where: { id }, data: input });
  return getModel(ctx, id);
}

export async function deleteModel(ctx: ServiceContext, id: string): Promise<void> {
  await getModel(ctx, id);
  const jobs = await ctx.db.job.count({ where: { modelId: id } });
  if (jobs > 0) throw new ConflictError(`Model '${id}' is used by ${jobs} job(s) and cannot be deleted.`);
  const versions = await ctx.db.modelVersion.findMany({ where: { modelId: id }, select: { blobKey: true } });
  await ctx.db.model.delete({ where: { id } });
  for (const version of versions) await ctx.blobs.delete(version.blobKey);
}

export async function addVersion(ctx: ServiceContext, modelId: string, metadata: unknown, upload: Upload): Promise<ModelVersion> {
  const definition = parseInput(VersionDefinition, metadata ?? {});
  await getModel(ctx, modelId);
  const notebook = parseNotebook(upload.fileName, upload.bytes);
  const blob = await ctx.blobs.write(upload.bytes);
  try {
    const last = await ctx.db.modelVersion.findFirst({ where: { modelId }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await ctx.db.modelVersion.create({ data: { modelId, ...versionData(ctx, (last?.number ?? 0) + 1, notebook, upload, blob, definition) } });
    await ctx.db.model.update({ where: { id: modelId }, data: { updatedAt: new Date() } });
    return version;
  } catch (error) {
    await ctx.blobs.delete(blob.key);
    if (isUniqueViolation(error)) throw new ConflictError(`Another version of model '${modelId}' was added at the same time; try again.`);
    throw error;
  }
}

export async function listVersions(ctx: ServiceContext, modelId: string, query: { pageNumber?: unknown; pageSize?: unknown }) {
  const { pageNumber, pageSize } = parseInput(CatalogPageQuery, { pageNumber: query.pageNumber, pageSize: query.pageSize });
  await getModel(ctx, modelId);
  const [versions, totalElements] = await Promise.all([
    ctx.db.modelVersion.findMany({ where: { modelId }, orderBy: { number: "desc" }, skip: pageNumber * pageSize, take: pageSize }),
    ctx.db.modelVersion.count({ where: { modelId } }),
  ]);
  return { versions, pageNumber, pageSize, totalElements };
}

/** A version by id, or the newest for `last`. */
export async function getVersion(ctx: ServiceContext, modelId: string, versionId: string): Promise<ModelVersion> {
  const model = await getModel(ctx, modelId);
  const version =
    versionId === "last" ? model.lastVersion : await ctx.db.modelVersion.findFirst({ where: { id: versionId, modelId } });
  if (!version) throw new NotFoundError("Model version", versionId);
  return version;
}

export async function readVersionPayload(ctx: ServiceContext, modelId: string, versionId: string) {
  const version = await getVersion(ctx, modelId, versionId);
  return { version, content: ctx.blobs.read(version.blobKey) };
}

/** A version's notebook as parsed (for reading; it was valid when it was stored). */
export async function readVersionNotebook(ctx: ServiceContext, modelId: string, versionId: string): Promise<Notebook> {
  const version = await getVersion(ctx, modelId, versionId);
  return parseNotebook(version.fileName, await ctx.blobs.readAll(version.blobKey));
}

/** Changes what a version says about itself (expiration date, dependencies, io, kpi…), never its payload. */
export async function updateVersion(ctx: ServiceContext, modelId: string, versionId: string, patch: unknown): Promise<ModelVersion> {
  const definition = parseInput(VersionDefinition, patch ?? {});
  const version = await getVersion(ctx, modelId, versionId);
  const { expirationDate, ...extras } = definition;
  return ctx.db.modelVersion.update({
    where: { id: version.id },
    data: {
      ...(expirationDate !== undefined ? { expirationDate: expirationDate === null ? null : new Date(expirationDate) } : {}),
      metadata: JSON.stringify({ ...(JSON.parse(version.metadata) as object), ...extras }),
    },
  });
}

export async function deleteVersion(ctx: ServiceContext, modelId: string, versionId: string): Promise<void> {
  const version = await getVersion(ctx, modelId, versionId);
  if ((await ctx.db.modelVersion.count({ where: { modelId } })) === 1) {
    throw new ConflictError(`Version ${version.number}.0 is the only version of model '${modelId}'; delete the model instead.`);
  }
  const jobs = await ctx.db.job.count({ where: { modelVersionId: version.id } });
  if (jobs > 0) throw new ConflictError(`Version ${version.number}.0 of model '${modelId}' is used by ${jobs} job(s) and cannot be deleted.`);
  await ctx.db.modelVersion.delete({ where: { id: version.id } });
  await ctx.blobs.delete(version.blobKey);
}

function versionData(ctx: ServiceContext, number: number, notebook: Notebook, upload: Upload, blob: { key: string; size: number }, definition: VersionDefinition = {}) {
  const { expirationDate, ...extras } = definition;
  return {
    number,
    author: ctx.tenant.name,
    format: notebook.format,
    fileName: upload.fileName,
    blobKey: blob.key,
    sizeInBytes: blob.size,
    expirationDate: expirationDate ? new Date(expirationDate) : null,
    metadata: JSON.stringify(extras),
  };
}
