import { Arg, Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { PUBLIC_ROOT_ID } from "@jobmanager/db";
import { listFolderPaths, listFolders } from "../services/catalog";
import { listConfigurationPage } from "../services/configurations";
import { listModelsByName } from "../services/models";
import { toFolderType } from "./catalog-types";
import type { GraphQLContext } from "./context";
import { EnvironmentConfigurationType, FolderType, ModelType, TenantType } from "./types";

@ObjectType("FolderPath", { description: "A folder with its path from its root, e.g. Public/sales/2026." })
export class FolderPathType {
  @Field(() => FolderType) folder!: FolderType;
  @Field(() => String) path!: string;
}

@Resolver()
export class CatalogResolver {
  @Query(() => TenantType, { description: "The tenant of the caller's token." })
  viewer(@Ctx() { services }: GraphQLContext): TenantType {
    return { id: services.tenant.id, name: services.tenant.name };
  }

  @Query(() => [ModelType], { description: "The tenant's models by name, unpaged, for pickers; modelConnection pages." })
  models(@Ctx() { services }: GraphQLContext): Promise<ModelType[]> {
    return listModelsByName(services);
  }

  @Query(() => [EnvironmentConfigurationType], { description: "The tenant's configurations by name (at most 1000), for pickers; configurationConnection pages." })
  async configurations(@Ctx() { services }: GraphQLContext): Promise<EnvironmentConfigurationType[]> {
    return (await listConfigurationPage(services, { pageSize: 1000 })).configurations;
  }

  @Query(() => [FolderType], { description: "The folders directly under a folder (default: the public root)." })
  async folders(
    @Arg("parentId", () => String, { defaultValue: PUBLIC_ROOT_ID }) parentId: string,
    @Ctx() { services }: GraphQLContext,
  ): Promise<FolderType[]> {
    return (await listFolders(services, parentId)).map((folder) => toFolderType(folder, folder.id));
  }

  @Query(() => [FolderPathType], { description: "Every folder the caller sees, at any depth under both roots, sorted by path: for a job's folder pickers." })
  async folderPaths(@Ctx() { services }: GraphQLContext): Promise<FolderPathType[]> {
    return (await listFolderPaths(services)).map(({ folder, path }) => ({ folder: toFolderType(folder, folder.id), path }));
  }
}
