/**
 * Environment configurations of the tenant. Variables marked secret are write-only: their
 * values go to the engine but never back to a client (the view shows `value: null`). A
 * configuration that any job refers to is kept (409), so job history stays whole.
 */
import { isUniqueViolation, type EnvironmentConfiguration } from "@jobmanager/db";
import {
  ConfigurationInput,
  ConfigurationPatch,
  ConflictError,
  NotFoundError,
  CatalogPageQuery,
  parseInput,
  ValidationError,
  type ConfigurationVariable,
} from "@jobmanager/domain";
import type { ServiceContext } from "./context";
import { cursorPage, type CursorPage, type CursorQuery } from "./cursor-page";

export interface ConfigurationView {
  id: string;
  name: string;
  description: string;
  interpreters: string[];
  variables: Array<{ name: string; value: string | null; secret: boolean }>;
  memoryLimitMb: number | null;
  processLimit: number | null;
  network: boolean;
  maxInstances: number;
  creationDate: Date;
  modifiedDate: Date;
}

export function toConfigurationView(row: EnvironmentConfiguration): ConfigurationView {
  const variables = JSON.parse(row.variables) as ConfigurationVariable[];
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    interpreters: JSON.parse(row.interpreters) as string[],
    variables: variables.map((v) => ({ name: v.name, value: v.secret ? null : v.value, secret: v.secret === true })),
    memoryLimitMb: row.memoryLimitMb,
    processLimit: row.processLimit,
    network: row.network,
    maxInstances: row.maxInstances,
    creationDate: row.createdAt,
    modifiedDate: row.updatedAt,
  };
}

async function findConfiguration({ db, tenant }: ServiceContext, id: string): Promise<EnvironmentConfiguration> {
  const row = await db.environmentConfiguration.findFirst({ where: { id, tenantId: tenant.id } });
  if (!row) throw new NotFoundError("Environment configuration", id);
  return row;
}

export async function getConfiguration(ctx: ServiceContext, id: string): Promise<ConfigurationView> {
  return toConfigurationView(await findConfiguration(ctx, id));
}

export async function listConfigurationPage(ctx: ServiceContext, query: { pageNumber?: unknown; pageSize?: unknown }) {
  const { pageNumber, pageSize } = parseInput(CatalogPageQuery, { pageNumber: query.pageNumber, pageSize: query.pageSize });
  const where = { tenantId: ctx.tenant.id };
  const [rows, totalElements] = await Promise.all([
    ctx.db.environmentConfiguration.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: pageNumber * pageSize, take: pageSize }),
    ctx.db.environmentConfiguration.count({ where }),
  ]);
  return { configurations: rows.map(toConfigurationView), pageNumber, pageSize, totalElements };
}

/** Cursor paging (GraphQL), by name as listConfigurationPage. */
export async function pageConfigurationsAfter(ctx: ServiceContext, query: CursorQuery): Promise<CursorPage<ConfigurationView>> {
  const where = { tenantId: ctx.tenant.id };
  const page = await cursorPage(query, "configurations", {
    exists: async (id) => (await ctx.db.environmentConfiguration.count({ where: { id, ...where } })) === 1,
    find: (args) => ctx.db.environmentConfiguration.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...args }),
    count: () => ctx.db.environmentConfiguration.count({ where }),
  });
  return { ...page, nodes: page.nodes.map(toConfigurationView) };
}

export async function createConfiguration(ctx: ServiceContext, input: unknown): Promise<ConfigurationView> {
  const { interpreters, variables, ...rest } = parseInput(ConfigurationInput, input);
  assertUniqueVariables(variables);
  const row = await nameClashAsConflict(rest.name, () =>
    ctx.db.environmentConfiguration.create({
      data: { ...rest, tenantId: ctx.tenant.id, interpreters: JSON.stringify(interpreters), variables: JSON.stringify(variables) },
    }),
  );
  return toConfigurationView(row);
}

export async function updateConfiguration(ctx: ServiceContext, id: string, input: unknown): Promise<ConfigurationView> {
  const { interpreters, variables, ...rest } = parseInput(ConfigurationPatch, input);
  const current = await findConfiguration(ctx, id);
  let merged: ConfigurationVariable[] | undefined;
  if (variables) {
    const stored = new Map((JSON.parse(current.variables) as ConfigurationVariable[]).map((v) => [v.name, v]));
    merged = variables.map((v) => {
      const value = v.value ?? (v.secret ? stored.get(v.name)?.value : undefined);
      if (value === undefined) throw new ValidationError(`Invalid input: variables: '${v.name}' needs a value (only a stored secret may omit it).`);
      return { name: v.name, value, secret: v.secret };
    });
    assertUniqueVariables(merged);
  }
  const row = await nameClashAsConflict(rest.name ?? current.name, () =>
    ctx.db.environmentConfiguration.update({
      where: { id },
      data: {
        ...rest,
        ...(interpreters ? { interpreters: JSON.stringify(interpreters) } : {}),
        ...(merged ? { variables: JSON.stringify(merged) } : {}),
      },
    }),
  );
  return toConfigurationView(row);
}

export async function deleteConfiguration(ctx: ServiceContext, id: string): Promise<void> {
  await findConfiguration(ctx, id);
  const jobs = await ctx.db.job.count({ where: { configurationId: id } });
  if (jobs > 0) throw new ConflictError(`Environment configuration '${id}' is used by ${jobs} job(s) and cannot be deleted.`);
  await ctx.db.environmentConfiguration.delete({ where: { id } });
}

function assertUniqueVariables(variables: Array<{ name: string }>): void {
  const seen = new Set<string>();
  for (const { name } of variables) {
    if (seen.has(name)) throw new ValidationError(`Invalid input: variables: '${name}' is given twice.`);
    seen.add(name);
  }
}

async function nameClashAsConflict<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An environment configuration named '${name}' already exists.`);
    throw error;
  }
}
