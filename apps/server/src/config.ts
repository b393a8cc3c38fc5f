/**
 * The server's configuration, read from the environment once and validated here; nothing
 * else reads process.env.
 */
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

const Environment = z.object({
  /** Interface to bind; localhost unless told otherwise. */
  JOBMANAGER_HOST: z.string().default("127.0.0.1"),
  JOBMANAGER_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Database, blobs and environments' working directories. */
  JOBMANAGER_DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  /** SQLite file URL; defaults to `<data dir>/jobmanager.db`. */
  DATABASE_URL: z.string().optional(),
  /** The exported web UI (apps/web/out). */
  JOBMANAGER_WEB_DIR: z.string().default(path.join(repoRoot, "apps/web/out")),
  /** Environments run at once by the in-process runner; defaults to the number of CPUs. */
  JOBMANAGER_MAX_ENVIRONMENTS: z.coerce.number().int().min(1).default(os.availableParallelism()),
  /** Pre-started %python interpreters kept ready per sandbox setting (network, limits); 0: none. */
  JOBMANAGER_PYTHON_POOL_SIZE: z.coerce.number().int().min(0).max(64).default(2),
  /** Between SIGINT and SIGKILL of a paragraph's processes when its job is stopped or times out. */
  JOBMANAGER_STOP_GRACE_MS: z.coerce.number().int().min(0).default(2000),
  /** On SIGTERM: how long running paragraphs may go on before their jobs are stopped. */
  JOBMANAGER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** How long a runner's claim on a job stays valid without a heartbeat (renewed every third). */
  JOBMANAGER_LEASE_MS: z.coerce.number().int().min(300).default(30_000),
  /** "auto": run interpreters in bubblewrap (and under prlimit) when installed; "off": never. */
  JOBMANAGER_SANDBOX: z.enum(["auto", "off"]).default("auto"),
  /** Set to "false" to serve the API without running jobs (a separate runner does). */
  JOBMANAGER_RUNNER: z.enum(["true", "false"]).default("true"),
  /** Set to "false" to run no scheduler in this process. */
  JOBMANAGER_SCHEDULER: z.enum(["true", "false"]).default("true"),
  /** A schedule's fire time missed while the server was down: fire it once at start, or skip it. */
  JOBMANAGER_MISSED_FIRINGS: z.enum(["fire-once", "skip"]).default("fire-once"),
  /** Jobs in a final status older than this many days are purged (their output files stay). */
  JOBMANAGER_RETENTION_DAYS: z.coerce.number().positive().default(90),
  /** Largest model payload accepted (413 above); 50 MB as in the reference UI. */
  JOBMANAGER_MAX_MODEL_BYTES: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
  /** Largest Data Exchange file accepted (413 above); uploads stream, so this bounds disk, not memory. */
  JOBMANAGER_MAX_FILE_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024 * 1024),
  /** How long a web session lasts after login. */
  JOBMANAGER_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /**
   * Express's `trust proxy`: whose X-Forwarded-* headers to believe, so that a request that
   * reached a TLS-terminating proxy over https counts as secure (and gets Secure cookies).
   * "false" (default): none; "true": any; a number: that many hops; else addresses or subnets
   * ("loopback", "10.0.0.0/8, 127.0.0.1").
   */
  JOBMANAGER_TRUST_PROXY: z.string().default("false"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  webDir: string;
  maxEnvironments: number;
  pythonPoolSize: number;
  runner: boolean;
  scheduler: boolean;
  missedFirings: "fire-once" | "skip";
  retentionDays: number;
  stopGraceMs: number;
  shutdownGraceMs: number;
  leaseMs: number;
  sandbox: "auto" | "off";
  logLevel: string;
  maxModelBytes: number;
  maxFileBytes: number;
  sessionTtlMs: number;
  trustProxy: boolean | number | string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.JOBMANAGER_DATA_DIR);
  return {
    host: e.JOBMANAGER_HOST,
    port: e.JOBMANAGER_PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "jobmanager.db")}`,
    webDir: path.resolve(e.JOBMANAGER_WEB_DIR),
    maxEnvironments: e.JOBMANAGER_MAX_ENVIRONMENTS,
    pythonPoolSize: e.JOBMANAGER_PYTHON_POOL_SIZE,
    runner: e.JOBMANAGER_RUNNER === "true",
    scheduler: e.JOBMANAGER_SCHEDULER === "true",
    missedFirings: e.JOBMANAGER_MISSED_FIRINGS,
    retentionDays: e.JOBMANAGER_RETENTION_DAYS,
    stopGraceMs: e.JOBMANAGER_STOP_GRACE_MS,
    shutdownGraceMs: e.JOBMANAGER_SHUTDOWN_GRACE_MS,
    leaseMs: e.JOBMANAGER_LEASE_MS,
    sandbox: e.JOBMANAGER_SANDBOX,
    logLevel: e.LOG_LEVEL,
    maxModelBytes: e.JOBMANAGER_MAX_MODEL_BYTES,
    maxFileBytes: e.JOBMANAGER_MAX_FILE_BYTES,
    sessionTtlMs: e.JOBMANAGER_SESSION_TTL_HOURS * 3_600_000,
    trustProxy: parseTrustProxy(e.JOBMANAGER_TRUST_PROXY),
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === "true" || value === "false") return value === "true";
  return /^\d+$/.test(value) ? Number(value) : value;
}
