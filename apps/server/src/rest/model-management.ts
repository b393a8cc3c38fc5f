/**
 * REST /api/modelmanagement/v3: models and versions. Notebook payloads are parsed whole, so
 * they are read into memory, but never beyond the model size limit (413).
 */
import { pipeline } from "node:stream/promises";
import { ValidationError } from "@jobmanager/domain";
import express, { type Request, type Response, type Router } from "express";
import * as models from "../services/models";
import { queryValue, services } from "./locals";
import { collect, jsonField, readMultipart } from "./multipart";
import { toV3Model, toV3Version } from "./v3-model";
import { v3Page } from "./v3-page";

async function readUpload(req: Request, res: Response) {
  const { fields, file } = await readMultipart(req, { maxFileBytes: services(res).limits.maxModelBytes, onFile: collect });
  if (!file) throw new ValidationError("The multipart request has no 'file' part (the notebook).");
  return { fields, upload: { fileName: file.fileName, bytes: file.result } };
}

/** GET of a version: its JSON metadata, or its payload with `Accept: application/octet-stream`. */
async function sendVersion(req: Request, res: Response, versionId: string) {
  const ctx = services(res);
  if (req.accepts(["application/json", "application/octet-stream"]) === "application/octet-stream") {
    const { version, content } = await models.readVersionPayload(ctx, req.params.id as string, versionId);
    res.statusCode = 200;
    res.setHeader("content-type", "application/octet-stream");
    res.setHeader("content-length", String(version.sizeInBytes));
    res.setHeader("content-disposition", `attachment; filename="${version.fileName.replace(/["\\\r\n]/g, "_")}"`);
    await pipeline(content, res);
    return;
  }
  res.json(toV3Version(await models.getVersion(ctx, req.params.id as string, versionId)));
}

export function modelManagementRoutes(): Router {
  const router = express.Router();

  router.get("/models", async (req, res) => {
    const page = await models.listModels(services(res), {
      pageNumber: queryValue(req.query.pageNumber),
      pageSize: queryValue(req.query.pageSize),
      filter: queryValue(req.query.filter),
      sort: queryValue(req.query.sort),
    });
    res.json({ models: page.models.map(toV3Model), page: v3Page(page) });
  });

  router.post("/models", async (req, res) => {
    const { fields, upload } = await readUpload(req, res);
    res.status(201).json(toV3Model(await models.createModel(services(res), jsonField(fields, "metadata", true), upload)));
  });

  router.get("/models/:id", async (req, res) => {
    res.json(toV3Model(await models.getModel(services(res), req.params.id as string)));
  });

  router.patch("/models/:id", async (req, res) => {
    res.json(toV3Model(await models.updateModel(services(res), req.params.id as string, req.body)));
  });

  router.delete("/models/:id", async (req, res) => {
    await models.deleteModel(services(res), req.params.id as string);
    res.status(204).end();
  });

  router.get("/models/:id/versions", async (req, res) => {
    const page = await models.listVersions(services(res), req.params.id as string, {
      pageNumber: queryValue(req.query.pageNumber),
      pageSize: queryValue(req.query.pageSize),
    });
    res.json({ versions: page.versions.map(toV3Version), page: v3Page(page) });
  });

  router.post("/models/:id/versions", async (req, res) => {
    const { fields, upload } = await readUpload(req, res);
    res.status(201).json(toV3Version(await models.addVersion(services(res), req.params.id as string, jsonField(fields, "metadata", false), upload)));
  });

  // `last` is a version id like any other to the service.
  router.get("/models/:id/versions/:versionId", (req, res) => sendVersion(req, res, req.params.versionId as string));

  router.patch("/models/:id/versions/:versionId", async (req, res) => {
    res.json(toV3Version(await models.updateVersion(services(res), req.params.id as string, req.params.versionId as string, req.body)));
  });

  router.delete("/models/:id/versions/:versionId", async (req, res) => {
    await models.deleteVersion(services(res), req.params.id as string, req.params.versionId as string);
    res.status(204).end();
  });

  return router;
}
