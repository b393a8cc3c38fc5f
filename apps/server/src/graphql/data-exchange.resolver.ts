/**
 * Data Exchange over GraphQL, over the same services as REST. `uploadFile` and `overwriteFile`
 * take a file of any size in a multipart request, streamed to blob storage as REST does;
 * `createTextFile` is for small text written from the UI.
 */
import { Readable } from "node:stream";
import type { FileUpload } from "graphql-upload-minimal";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import * as dataExchange from "../services/data-exchange";
import { FileType, FolderConnectionType, toFileType, toFolderType } from "./catalog-types";
import type { GraphQLContext } from "./context";
import { FolderType } from "./types";
import { storeUpload, UploadScalar } from "./uploads";

@Resolver()
export class DataExchangeResolver {
  @Query(() => FolderType, { description: "A folder or a root; an unknown id is a jobmanager.notFound error." })
  async folder(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<FolderType> {
    return toFolderType(await dataExchange.getFolder(services, id), id);
  }

  @Query(() => FolderConnectionType, {
    description: "A folder's contents, folders first, then files, by name: `first` (1–100) after the item `after` (the previous page's endCursor); `filter` as in REST, e.g. {\"name\":{\"contains\":\".csv\"}}.",
  })
  async folderConnection(
    @Arg("id", () => ID) id: string,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => String, { nullable: true }) filter: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<FolderConnectionType> {
    const page = await dataExchange.pageDirectoryAfter(services, id, { first, after, filter: filter ?? undefined });
    return {
      folders: page.directories.map((f) => toFolderType(f, f.id)),
      files: page.files.map(toFileType),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Query(() => FileType)
  async file(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<FileType> {
    return toFileType(await dataExchange.getFile(services, id));
  }

  @Mutation(() => FolderType)
  async createFolder(@Arg("name", () => String) name: string, @Arg("parentId", () => ID) parentId: string, @Ctx() { services }: GraphQLContext): Promise<FolderType> {
    const folder = await dataExchange.createDirectory(services, { name, parentId });
    return toFolderType(folder, folder.id);
  }

  @Mutation(() => FolderType, { description: "Renames and/or moves a folder." })
  async moveFolder(
    @Arg("id", () => ID) id: string,
    @Arg("name", () => String, { nullable: true }) name: string | null,
    @Arg("parentId", () => ID, { nullable: true }) parentId: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<FolderType> {
    const folder = await dataExchange.moveDirectory(services, id, { name: name ?? undefined, parentId: parentId ?? undefined });
    return toFolderType(folder, folder.id);
  }

  @Mutation(() => Boolean)
  async deleteFolder(@Arg("id", () => ID) id: string, @Arg("recursive", () => Boolean, { defaultValue: false }) recursive: boolean, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await dataExchange.deleteDirectory(services, id, recursive);
    return true;
  }

  @Mutation(() => FileType, { description: "Writes a small text file (at most the GraphQL body limit)." })
  async createTextFile(
    @Arg("name", () => String) name: string,
    @Arg("parentId", () => ID) parentId: string,
    @Arg("content", () => String) content: string,
    @Arg("type", () => String, { nullable: true }) type: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<FileType> {
    const metadata = { name, parentId, ...(type ? { type } : {}) };
    const blob = await services.blobs.write(Readable.from([Buffer.from(content, "utf8")]));
    return toFileType(await dataExchange.createFile(services, metadata, blob));
  }

  @Mutation(() => FileType, {
    description: "Uploads a file (a multipart request with the Apollo-Require-Preflight header), streamed to storage; `name` defaults to the part's file name.",
  })
  async uploadFile(
    @Arg("file", () => UploadScalar) file: Promise<FileUpload>,
    @Arg("parentId", () => ID) parentId: string,
    @Arg("name", () => String, { nullable: true }) name: string | null,
    @Arg("type", () => String, { nullable: true, description: "The content type; by default from the name's extension." }) type: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<FileType> {
    const { blob, fileName } = await storeUpload(services, file);
    return toFileType(await dataExchange.createFile(services, { name: name ?? fileName, parentId, ...(type ? { type } : {}) }, blob));
  }

  @Mutation(() => FileType, { description: "Replaces a file's content with an upload (multipart, as uploadFile)." })
  async overwriteFile(@Arg("id", () => ID) id: string, @Arg("file", () => UploadScalar) file: Promise<FileUpload>, @Ctx() { services }: GraphQLContext): Promise<FileType> {
    const { blob } = await storeUpload(services, file);
    return toFileType(await dataExchange.overwriteFile(services, id, blob));
  }

  @Mutation(() => FileType, { description: "Renames and/or moves a file." })
  async moveFile(
    @Arg("id", () => ID) id: string,
    @Arg("name", () => String, { nullable: true }) name: string | null,
    @Arg("parentId", () => ID, { nullable: true }) parentId: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<FileType> {
    return toFileType(await dataExchange.moveFile(services, id, { name: name ?? undefined, parentId: parentId ?? undefined }));
  }

  @Mutation(() => Boolean)
  async deleteFile(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await dataExchange.deleteFile(services, id);
    return true;
  }
}
