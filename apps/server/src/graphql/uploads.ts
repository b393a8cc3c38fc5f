/**
 * File uploads over GraphQL, by the GraphQL multipart request spec: the `operations` and `map`
 * fields come first, then the files, each handed to its resolver as a stream while the request
 * is still arriving (graphql-upload-minimal; nothing is buffered whole). A multipart POST is a
 * "simple" request a foreign page could send, so, as Apollo's CSRF prevention asks, it must
 * carry `Apollo-Require-Preflight` or `X-Apollo-Operation-Name` (any value); we check that
 * before reading any of it.
 */
import { Readable } from "node:stream";
import { PayloadTooLargeError } from "@jobmanager/domain";
import type { NextFunction, Request, Response } from "express";
import { GraphQLError, GraphQLScalarType } from "graphql";
import { processRequest, Upload, type FileUpload } from "graphql-upload-minimal";
import type { ServiceContext } from "../services/context";
import type { StoredBlob } from "../services/data-exchange";

/** Our own `Upload` scalar (graphql-upload-minimal's is built on another copy of graphql). */
export const UploadScalar = new GraphQLScalarType({
  name: "Upload",
  description: "A file of a GraphQL multipart request (see the README: the request needs the Apollo-Require-Preflight header).",
  parseValue(value) {
    if (value instanceof Upload) return value.promise;
    throw new GraphQLError("An Upload variable must be a file part of a multipart request.");
  },
  parseLiteral() {
    throw new GraphQLError("An Upload cannot be written in the query; send the file as a multipart part.");
  },
  serialize() {
    throw new GraphQLError("An Upload cannot be returned.");
  },
});

/** Express middleware for /graphql: turns a multipart request into the body Apollo expects. */
export function graphqlUploads(options: { maxFileBytes: number }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!req.is("multipart/form-data")) return next();
    if (!req.headers["apollo-require-preflight"] && !req.headers["x-apollo-operation-name"]) {
      return refuse(res, 400, "jobmanager.invalidInput", "A multipart GraphQL request must carry an Apollo-Require-Preflight (or X-Apollo-Operation-Name) header, against cross-site requests.");
    }
    // Whatever no resolver read is dropped once the answer is out, so the connection finishes.
    res.once("finish", () => {
      if (!req.readableEnded) {
        req.unpipe();
        req.resume();
      }
    });
    try {
      req.body = await processRequest(req, res, { maxFileSize: options.maxFileBytes, maxFiles: 1 });
      next();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      refuse(res, status === 413 ? 413 : 400, status === 413 ? "jobmanager.payloadTooLarge" : "jobmanager.invalidInput", `The multipart GraphQL request is malformed: ${(error as Error).message}`);
    }
  };
}

function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

async function openUpload(upload: Promise<FileUpload>): Promise<{ stream: Readable & { truncated?: boolean }; fileName: string; mimeType: string }> {
  const file = await upload;
  return { stream: file.createReadStream(), fileName: file.filename, mimeType: file.mimetype };
}

/**
 * Streams an upload into a new blob, as REST does; the caller's service then owns the blob.
 * Above the file limit the part ends early: the blob is deleted and this is a 413.
 */
export async function storeUpload(ctx: ServiceContext, upload: Promise<FileUpload>): Promise<{ blob: StoredBlob; fileName: string; mimeType: string }> {
  const { stream, fileName, mimeType } = await openUpload(upload);
  // Read through an iterator, not a pipe: at the size limit graphql-upload-minimal unpipes the
  // part from every destination, which would leave a piped blob write waiting forever.
  const blob = await ctx.blobs.write(Readable.from(stream, { objectMode: false }));
  if (stream.truncated) {
    await ctx.blobs.delete(blob.key);
    throw new PayloadTooLargeError(ctx.limits.maxFileBytes);
  }
  return { blob, fileName, mimeType };
}

/** Reads an upload that must be parsed whole (a notebook) into memory, never beyond `maxBytes` (413). */
export async function collectUpload(upload: Promise<FileUpload>, maxBytes: number): Promise<{ fileName: string; bytes: Buffer }> {
  const { stream, fileName } = await openUpload(upload);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
    else chunks.length = 0; // read on to the end (the request must complete), keep nothing
  }
  if (size > maxBytes || stream.truncated) throw new PayloadTooLargeError(maxBytes);
  return { fileName, bytes: Buffer.concat(chunks) };
}
