/**
 * The REST compatibility routes of the v3 reference. Every route runs as the tenant of the
 * bearer token; errors leave as `{errors:[{code,message,logref}]}`.
 */
import type { Db, EventBus } from "@jobmanager/db";
import type { BlobStore } from "@jobmanager/storage";
import { NotFoundError, ValidationError } from "@jobmanager/domain";
import express, { type ErrorRequestHandler, type Router } from "express";
import type { Logger } from "pino";
import { authenticateRequest } from "../auth";
import { errorBody, mapError } from "../errors";
import type { Limits, ServiceContext } from "../services/context";
import { getJob, pageJobs, startJob, stopJob } from "../services/jobs";
import { accountRoutes, loginRoutes } from "./auth";
import { configurationRoutes } from "./configurations";
import { dataExchangeRoutes } from "./data-exchange";
import { services } from "./locals";
import { modelManagementRoutes } from "./model-management";
import { scheduleRoutes } from "./schedules";
import { toV3Job } from "./v3-job";
import { jobsPageResponse } from "./v3-jobs-page";

export interface RestDeps {
  db: Db;
  bus: EventBus;
  blobs: BlobStore;
  limits: Limits;
  sessionTtlMs: number;
  logger: Logger;
}

export function createRestRouter({ db, bus, blobs, limits, sessionTtlMs, logger }: RestDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  router.use("/auth", loginRoutes({ db, sessionTtlMs })); // before authentication: login needs none
  router.use(async (req, res, next) => {
    const { tenant, userId } = await authenticateRequest(db, req);
    res.locals.services = { db, bus, blobs, limits, tenant, userId } satisfies ServiceContext;
    next();
  });

  const jobs = express.Router();
  jobs.post("/jobs", async (req, res) => {
    if (req.body === undefined) throw new ValidationError("The request body must be a JSON object (Content-Type: application/json).");
    const job = await startJob(services(res), req.body, { idempotencyKey: req.get("idempotency-key") });
    res.status(201).json(toV3Job(job));
  });
  jobs.get("/jobs", async (req, res) => {
    const page = await pageJobs(services(res), req.query);
    const { body, etag } = jobsPageResponse(page);
    res.set({ "Content-Type": "application/json; charset=utf-8", ETag: etag }).send(body); // as res.json would
  });
  jobs.get("/jobs/:id", async (req, res) => {
    res.json(toV3Job(await getJob(services(res), req.params.id as string)));
  });
  jobs.post("/jobs/:id/stop", async (req, res) => {
    res.json(toV3Job(await stopJob(services(res), req.params.id as string)));
  });
  router.use("/jobmanager/v3", jobs);
  router.use("/jobmanager/v3", scheduleRoutes());
  router.use("/jobmanager/v3", configurationRoutes());
  router.use("/dataexchange/v3", dataExchangeRoutes());
  router.use("/modelmanagement/v3", modelManagementRoutes());
  router.use("/auth", accountRoutes());

  router.use((req) => {
    throw new NotFoundError("Route", `${req.method} ${req.baseUrl}${req.path}`);
  });
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    if (res.headersSent) {
      // A streamed download failed half way: the status is gone, so cut the connection.
      logger.error({ err: error }, "response failed after its headers were sent");
      res.destroy();
      return;
    }
    const mapped = isBodyParseError(error)
      ? mapError(new ValidationError(`The request body is not valid JSON: ${error.message}`), logger)
      : mapError(error, logger);
    res.status(mapped.httpStatus).json(errorBody(mapped));
  };
  router.use(onError);
  return router;
}

function isBodyParseError(error: unknown): error is Error {
  return error instanceof SyntaxError && (error as { type?: string }).type === "entity.parse.failed";
}
