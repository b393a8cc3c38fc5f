/**
 * REST /api/dataexchange/v3: uploads stream from busboy straight into blob storage (never
 * whole in memory); downloads stream back with their type and length.
 */
import { pipeline } from "node:stream/promises";
import { ValidationError } from "@jobmanager/domain";
import express, { type Request, type Router } from "express";
import type { ServiceContext } from "../services/context";
import * as dataExchange from "../services/data-exchange";
import { queryValue, services } from "./locals";
import { jsonField, readMultipart } from "./multipart";
import { toV3Directory, toV3File, toV3Root } from "./v3-data-exchange";
import { v3Page } from "./v3-page";

/** Streams the `file` part into a new blob; the caller's service then owns the blob. */
async function uploadBlob(req: Request, ctx: ServiceContext) {
  const { fields, file } = await readMultipart(req, {
    maxFileBytes: ctx.limits.maxFileBytes,
    onFile: (stream) => ctx.blobs.write(stream),
    onAbandon: (blob) => ctx.blobs.delete(blob.key),
  });
  if (!file) throw new ValidationError("The multipart request has no 'file' part.");
  return { fields, blob: file.result, fileName: file.fileName };
}

export function dataExchangeRoutes(): Router {
  const router = express.Router();

  router.post("/files", async (req, res) => {
    const ctx = services(res);
    const { fields, blob } = await uploadBlob(req, ctx);
    let metadata: unknown;
    try {
      metadata = jsonField(fields, "metadata", true);
    } catch (error) {
      await ctx.blobs.delete(blob.key);
      throw error;
    }
    res.status(201).json(toV3File(await dataExchange.createFile(ctx, metadata, blob)));
  });

  router.get("/files/:id", async (req, res) => {
    const { file, content } = await dataExchange.openFile(services(res), req.params.id as string);
    // setHeader, not res.set: express would append a charset to text types the file never declared.
    res.statusCode = 200;
    res.setHeader("content-type", file.contentType);
    res.setHeader("content-length", String(file.sizeInBytes));
    await pipeline(content, res);
  });

  router.put("/files/:id", async (req, res) => {
    const ctx = services(res);
    await dataExchange.getFile(ctx, req.params.id as string); // a foreign id is refused before the upload is stored
    const { blob } = await uploadBlob(req, ctx);
    res.json(toV3File(await dataExchange.overwriteFile(ctx, req.params.id as string, blob)));
  });

  router.delete("/files/:id", async (req, res) => {
    await dataExchange.deleteFile(services(res), req.params.id as string);
    res.status(204).end();
  });

  router.get("/files/:id/properties", async (req, res) => {
    res.json(toV3File(await dataExchange.getFile(services(res), req.params.id as string)));
  });

  router.patch("/files/:id/properties", async (req, res) => {
    res.json(toV3File(await dataExchange.moveFile(services(res), req.params.id as string, req.body)));
  });

  router.post("/directories", async (req, res) => {
    res.status(201).json(toV3Directory(await dataExchange.createDirectory(services(res), req.body)));
  });

  router.get("/directories/:id", async (req, res) => {
    const page = await dataExchange.listDirectory(services(res), req.params.id as string, {
      pageNumber: queryValue(req.query.pageNumber),
      pageSize: queryValue(req.query.pageSize),
      filter: queryValue(req.query.filter),
    });
    res.json({ files: page.files.map(toV3File), directories: page.directories.map(toV3Directory), page: v3Page(page) });
  });

  router.get("/directories/:id/properties", async (req, res) => {
    const id = req.params.id as string;
    const folder = await dataExchange.getFolder(services(res), id);
    res.json(folder ? toV3Directory(folder) : toV3Root(id));
  });

  router.patch("/directories/:id/properties", async (req, res) => {
    res.json(toV3Directory(await dataExchange.moveDirectory(services(res), req.params.id as string, req.body)));
  });

  router.delete("/directories/:id", async (req, res) => {
    const recursive = queryValue(req.query.recursive);
    if (recursive !== undefined && recursive !== "true" && recursive !== "false") throw new ValidationError("recursive must be true or false.");
    await dataExchange.deleteDirectory(services(res), req.params.id as string, recursive === "true");
    res.status(204).end();
  });

  return router;
}
