/**
 * Model Management over GraphQL, over the same services as REST. Payloads come as text
 * (createModel, addModelVersion) or as a file of a multipart request (uploadModel,
 * uploadModelVersion), read under the model size limit as REST reads them.
 */
import type { FileUpload } from "graphql-upload-minimal";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import * as models from "../services/models";
import { CreateModelInput, ModelConnectionType, ModelVersionType, NotebookParagraphType, toConnection, toModelVersionType, UpdateModelInput, withoutNulls } from "./catalog-types";
import type { GraphQLContext } from "./context";
import { ModelType } from "./types";
import { collectUpload, UploadScalar } from "./uploads";

@Resolver(() => ModelType)
export class ModelResolver {
  @Query(() => ModelType, { description: "A model of the caller's tenant; an unknown id is a jobmanager.notFound error." })
  model(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<ModelType> {
    return models.getModel(services, id);
  }

  @Query(() => ModelConnectionType, { description: "The tenant's models, `first` (1–100) after the model `after` (the previous page's endCursor); `filter` and `sort` as in REST." })
  async modelConnection(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => String, { nullable: true, description: 'The v3 filter on name, type, description, author, e.g. {"name":{"contains":"sales"}}.' }) filter: string | null,
    @Arg("sort", () => String, { nullable: true, description: "asc or desc (by name), or name|type|author|creationDate followed by ,asc or ,desc." }) sort: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ModelConnectionType> {
    return toConnection(await models.pageModelsAfter(services, { first, after, filter: filter ?? undefined, sort }), (model) => model);
  }

  @FieldResolver(() => ModelVersionType, { nullable: true })
  lastVersion(@Root() model: ModelType): ModelVersionType | null {
    return model.lastVersion ? toModelVersionType(model.lastVersion) : null;
  }

  @FieldResolver(() => [ModelVersionType], { description: "Newest first." })
  async versions(@Root() model: ModelType, @Ctx() { services }: GraphQLContext): Promise<ModelVersionType[]> {
    return (await models.listVersions(services, model.id, { pageSize: 1000 })).versions.map(toModelVersionType);
  }

  @Mutation(() => ModelType, { description: "Creates a model with version 1.0 from notebook text; an invalid notebook is refused." })
  createModel(@Arg("input", () => CreateModelInput) input: CreateModelInput, @Ctx() { services }: GraphQLContext): Promise<ModelType> {
    const { fileName, content, ...metadata } = input;
    return models.createModel(services, withoutNulls(metadata), { fileName, bytes: Buffer.from(content, "utf8") });
  }

  @Mutation(() => ModelType, { description: "Creates a model with version 1.0 from an uploaded notebook (a multipart request with the Apollo-Require-Preflight header)." })
  async uploadModel(
    @Arg("file", () => UploadScalar) file: Promise<FileUpload>,
    @Arg("name", () => String) name: string,
    @Arg("description", () => String, { nullable: true }) description: string | null,
    @Arg("type", () => String, { nullable: true }) type: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ModelType> {
    const upload = await collectUpload(file, services.limits.maxModelBytes);
    return models.createModel(services, withoutNulls({ name, description, type }), upload);
  }

  @Mutation(() => ModelVersionType, { description: "Adds a version from an uploaded notebook (multipart, as uploadModel)." })
  async uploadModelVersion(@Arg("modelId", () => ID) modelId: string, @Arg("file", () => UploadScalar) file: Promise<FileUpload>, @Ctx() { services }: GraphQLContext): Promise<ModelVersionType> {
    const upload = await collectUpload(file, services.limits.maxModelBytes);
    return toModelVersionType(await models.addVersion(services, modelId, {}, upload));
  }

  @Mutation(() => ModelType)
  updateModel(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateModelInput) input: UpdateModelInput, @Ctx() { services }: GraphQLContext): Promise<ModelType> {
    return models.updateModel(services, id, withoutNulls(input));
  }

  @Mutation(() => Boolean, { description: "Deletes the model and all its versions; refused while jobs refer to it." })
  async deleteModel(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await models.deleteModel(services, id);
    return true;
  }

  @Mutation(() => ModelVersionType)
  async addModelVersion(
    @Arg("modelId", () => ID) modelId: string,
    @Arg("fileName", () => String) fileName: string,
    @Arg("content", () => String) content: string,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ModelVersionType> {
    return toModelVersionType(await models.addVersion(services, modelId, {}, { fileName, bytes: Buffer.from(content, "utf8") }));
  }

  @Query(() => ModelVersionType, { description: "A version of a model (`last` for the newest); an unknown id is a jobmanager.notFound error." })
  async modelVersion(@Arg("modelId", () => ID) modelId: string, @Arg("versionId", () => ID) versionId: string, @Ctx() { services }: GraphQLContext): Promise<ModelVersionType> {
    return toModelVersionType(await models.getVersion(services, modelId, versionId));
  }

  @Query(() => String, { description: "The notebook text of a version (`last` for the newest)." })
  async modelVersionContent(@Arg("modelId", () => ID) modelId: string, @Arg("versionId", () => ID) versionId: string, @Ctx() { services }: GraphQLContext): Promise<string> {
    const version = await models.getVersion(services, modelId, versionId);
    return (await services.blobs.readAll(version.blobKey)).toString("utf8");
  }

  @Mutation(() => ModelVersionType)
  async updateModelVersion(
    @Arg("modelId", () => ID) modelId: string,
    @Arg("versionId", () => ID) versionId: string,
    @Arg("expirationDate", () => String, { nullable: true }) expirationDate: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ModelVersionType> {
    return toModelVersionType(await models.updateVersion(services, modelId, versionId, { expirationDate }));
  }

  @Mutation(() => Boolean, { description: "Deletes a version (`last` for the newest); never the only one." })
  async deleteModelVersion(@Arg("modelId", () => ID) modelId: string, @Arg("versionId", () => ID) versionId: string, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await models.deleteVersion(services, modelId, versionId);
    return true;
  }
}

@Resolver(() => ModelVersionType)
export class ModelVersionResolver {
  @FieldResolver(() => [NotebookParagraphType], { description: "The version's paragraphs as parsed, for a read-only preview (nothing is run)." })
  async paragraphs(@Root() version: ModelVersionType, @Ctx() { services }: GraphQLContext): Promise<NotebookParagraphType[]> {
    const notebook = await models.readVersionNotebook(services, version.modelId, version.id);
    return notebook.paragraphs.map(({ index, id, title, interpreter, text, code, enabled }) => ({ index, id, title, interpreter, text, code, enabled }));
  }
}
