/**
 * GraphQL types and inputs of the catalog (models, Data Exchange, configurations). Inputs
 * carry no rules of their own: resolvers pass them to the services, whose zod schemas decide.
 */
import type { File, Folder, ModelVersion } from "@jobmanager/db";
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from "type-graphql";
import { EnvironmentConfigurationType, FolderType, ModelType, PageInfoType } from "./types";

@ObjectType("ModelVersion")
export class ModelVersionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) modelId!: string;
  @Field(() => Float, { description: "1.0, 2.0, …" }) number!: number;
  @Field(() => String) author!: string;
  @Field(() => GraphQLISODateTime) creationDate!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) expirationDate!: Date | null;
  @Field(() => String, { description: "zeppelin or jupyter" }) format!: string;
  @Field(() => String) fileName!: string;
  @Field(() => Int) sizeInBytes!: number;
}

export function toModelVersionType(version: ModelVersion): ModelVersionType {
  return { ...version, creationDate: version.createdAt };
}

@ObjectType("NotebookParagraph", { description: "One paragraph (or Jupyter cell) of a model version, as parsed; for reading, never run." })
export class NotebookParagraphType {
  @Field(() => Int) index!: number;
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { description: "Without the %, e.g. python, md, sh, html." }) interpreter!: string;
  @Field(() => String, { description: "The whole paragraph text as stored in the notebook." }) text!: string;
  @Field(() => String, { description: "The text without its %interpreter directive." }) code!: string;
  @Field(() => Boolean) enabled!: boolean;
}

@InputType("CreateModelInput", { description: "A model with its first version; `content` is the notebook text (.zpln, note.json or .ipynb)." })
export class CreateModelInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => String) fileName!: string;
  @Field(() => String) content!: string;
}

@InputType("UpdateModelInput")
export class UpdateModelInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
}

@ObjectType("DataFile")
export class FileType {
  @Field(() => ID) id!: string;
  @Field(() => String) parentId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) type!: string;
  @Field(() => Int) sizeInBytes!: number;
  @Field(() => GraphQLISODateTime) modifiedDate!: Date;
  @Field(() => String) modifiedBy!: string;
  @Field(() => String, { description: "Where to GET the content (streamed)." }) downloadPath!: string;
}

export function toFileType(file: File): FileType {
  return {
    id: file.id,
    parentId: file.folderId,
    name: file.name,
    type: file.contentType,
    sizeInBytes: file.sizeInBytes,
    modifiedDate: file.modifiedAt,
    modifiedBy: file.modifiedBy,
    downloadPath: `/api/dataexchange/v3/files/${file.id}`,
  };
}

export function toFolderType(folder: Folder | null, rootId: string): FolderType {
  if (!folder) return { id: rootId, name: rootId, parentId: null, modifiedDate: null, modifiedBy: null };
  return { id: folder.id, name: folder.name, parentId: folder.parentId, modifiedDate: folder.modifiedAt, modifiedBy: folder.modifiedBy };
}

@ObjectType("FolderConnection", { description: "One page of a folder's contents: folders first, then files, each by name." })
export class FolderConnectionType {
  @Field(() => [FolderType], { description: "This page's folders (they come before the files)." }) folders!: FolderType[];
  @Field(() => [FileType], { description: "This page's files." }) files!: FileType[];
  @Field(() => Int, { description: "Folders and files in the folder (matching the filter), all pages." }) totalCount!: number;
  @Field(() => PageInfoType, { description: "endCursor is the id of the page's last item." }) pageInfo!: PageInfoType;
}

@ObjectType("ModelConnection")
export class ModelConnectionType {
  @Field(() => [ModelType]) nodes!: ModelType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType("EnvironmentConfigurationConnection")
export class EnvironmentConfigurationConnectionType {
  @Field(() => [EnvironmentConfigurationType]) nodes!: EnvironmentConfigurationType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

/** A connection from a service's cursor page: endCursor is the last node's id. */
export function toConnection<T extends { id: string }, N>(page: { nodes: T[]; totalCount: number; hasNextPage: boolean }, toNode: (item: T) => N) {
  return { nodes: page.nodes.map(toNode), totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.nodes.at(-1)?.id ?? null } };
}

@InputType("ConfigurationVariableInput")
export class ConfigurationVariableInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "May be left out on update to keep a stored secret." }) value?: string | null;
  @Field(() => Boolean, { nullable: true }) secret?: boolean | null;
}

@InputType("ConfigurationInput")
export class ConfigurationInputType {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) interpreters?: string[] | null;
  @Field(() => [ConfigurationVariableInput], { nullable: true }) variables?: ConfigurationVariableInput[] | null;
  @Field(() => Int, { nullable: true }) memoryLimitMb?: number | null;
  @Field(() => Int, { nullable: true }) processLimit?: number | null;
  @Field(() => Boolean, { nullable: true }) network?: boolean | null;
  @Field(() => Int, { nullable: true }) maxInstances?: number | null;
}

/** GraphQL sends omitted nullable inputs as null or undefined; the zod schemas want them absent. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
}
