/**
 * Builds and starts the whole server on one port: REST compatibility routes under /api,
 * GraphQL over HTTP and graphql-ws on /graphql, the exported web UI, and the in-process runner.
 */
import fs from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { closeReader, createDb, createEventBus, tokenUseWritten, type Db, type EventBus } from "@jobmanager/db";
import { AppError } from "@jobmanager/domain";
import { createRunner, createScheduler, resolveSandboxTools, type Runner } from "@jobmanager/engine";
import { createFileSystemBlobStore, type BlobStore } from "@jobmanager/storage";
import express from "express";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { authenticateRequest, authenticateSocket, type Principal } from "./auth";
import type { Config } from "./config";
import type { GraphQLContext } from "./graphql/context";
import { formatGraphQLError, toGraphQLError } from "./graphql/errors";
import { limitRules, validateWithLimits } from "./graphql/limits";
import { buildSchema } from "./graphql/schema";
import { graphqlUploads } from "./graphql/uploads";
import { createLogger, type Logger } from "./logger";
import { startMaintenance } from "./maintenance";
import { createRestRouter } from "./rest/router";
import { webApp } from "./web";

export interface RunningServer {
  url: string;
  db: Db;
  bus: EventBus;
  blobs: BlobStore;
  runner: Runner | null;
  logger: Logger;
  /**
   * Stops the runner (running paragraphs get `graceMs`, default: until their jobs end; then
   * their jobs are stopped), then the API and the database.
   */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = await createDb(config.databaseUrl);
  const bus = createEventBus();
  const blobs = createFileSystemBlobStore(path.join(config.dataDir, "blobs"));
  const runner = config.runner
    ? createRunner(
        {
          db,
          bus,
          blobs,
          workRoot: path.join(config.dataDir, "environments"),
          logger: logger.child({ component: "runner" }),
          interruptGraceMs: config.stopGraceMs,
          sandbox: config.sandbox === "auto" ? resolveSandboxTools() : null,
        },
        { concurrency: config.maxEnvironments, leaseMs: config.leaseMs, pythonPoolSize: config.pythonPoolSize },
      )
    : null;
  const scheduler = config.scheduler
    ? createScheduler({ db, bus, logger: logger.child({ component: "scheduler" }) }, { missedFirings: config.missedFirings })
    : null;

  const limits = { maxModelBytes: config.maxModelBytes, maxFileBytes: config.maxFileBytes };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy); // req.secure: https here or at a trusted proxy
  const httpServer = createHttpServer(app);
  const schema = await buildSchema();

  const contextFor = async (authorize: () => Promise<Principal>): Promise<GraphQLContext> => {
    try {
      const { tenant, userId } = await authorize();
      return { services: { db, bus, blobs, limits, tenant, userId }, logger };
    } catch (error) {
      throw error instanceof AppError ? toGraphQLError(error) : error;
    }
  };

  const formatError = formatGraphQLError(logger);
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsCleanup = useServer(
    {
      schema,
      validate: validateWithLimits,
      context: (ctx) => contextFor(() => authenticateSocket(db, ctx.extra.request.headers, ctx.connectionParams)),
      // Errors in subscription results get the same codes and masking as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : result,
      onConnect: async (ctx) => {
        try {
          await authenticateSocket(db, ctx.extra.request.headers, ctx.connectionParams);
          return true;
        } catch {
          return false; // closes the socket with 4403 Forbidden
        }
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    validationRules: limitRules,
    // main.ts owns SIGINT/SIGTERM (drain the runner first); Apollo's own handlers would stop
    // the server and re-raise the signal at once (they are on whenever NODE_ENV is not "test").
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  app.use("/api", createRestRouter({ db, bus, blobs, limits, sessionTtlMs: config.sessionTtlMs, logger }));
  app.use("/graphql", express.json({ limit: "1mb" }), graphqlUploads({ maxFileBytes: limits.maxFileBytes }), expressMiddleware(apollo, { context: ({ req }) => contextFor(() => authenticateRequest(db, req)) }));
  if (fs.existsSync(config.webDir)) {
    app.use(webApp(config.webDir));
  } else {
    logger.warn({ webDir: config.webDir }, "web UI not built; serving the API only");
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  runner?.start();
  scheduler?.start();
  const stopMaintenance = startMaintenance({ db, logger, retentionDays: config.retentionDays });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    db,
    bus,
    blobs,
    runner,
    logger,
    async close(graceMs?: number) {
      stopMaintenance();
      scheduler?.stop();
      await runner?.stop(graceMs);
      await apollo.stop(); // drains HTTP connections and the websocket server
      await tokenUseWritten(db);
      await db.$disconnect();
      closeReader(db);
    },
  };
}
