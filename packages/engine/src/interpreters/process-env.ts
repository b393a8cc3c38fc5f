/**
 * The environment variables of every interpreter process. What must stay true: nothing of
 * the server's own environment reaches a notebook except the harmless names in SAFE_NAMES
 * (no DATABASE_URL, tokens, cloud credentials...). A notebook sees its configuration's
 * variables, its folders and a HOME inside its working directory.
 */
import type { InterpreterContext } from "./types";

/** The only names copied from the server's environment. */
export const SAFE_NAMES = ["PATH", "LANG", "LC_ALL", "TZ", "TERM"] as const;

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Builds the scrubbed environment for a child process.
 *
 * Order of precedence (later wins): the safe server names, the configuration `variables`
 * (so a configuration may set PATH or TZ), then the fixed names HOME, JOBMANAGER_ENVIRONMENT_ID, INPUT_FOLDER,
 * OUTPUT_FOLDER and the PYTHON* switches, which a configuration cannot override.
 * Variables whose name is not a valid shell identifier, or whose value contains a NUL
 * byte, are left out (the configuration schema is expected to refuse them earlier).
 *
 * @param base the server's environment; default `process.env` (passed in for tests).
 */
export function buildProcessEnv(
  ctx: InterpreterContext,
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of SAFE_NAMES) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  if (env.PATH === undefined) env.PATH = "/usr/local/bin:/usr/bin:/bin";
  for (const [name, value] of Object.entries(ctx.variables)) {
    if (VALID_NAME.test(name) && !value.includes("\0")) env[name] = value;
  }
  env.HOME = ctx.workDir;
  if (ctx.environmentId) env.JOBMANAGER_ENVIRONMENT_ID = ctx.environmentId;
  env.INPUT_FOLDER = ctx.inputDir;
  env.OUTPUT_FOLDER = ctx.outputDir;
  env.PYTHONUNBUFFERED = "1";
  env.PYTHONDONTWRITEBYTECODE = "1";
  env.PYTHONIOENCODING = "utf-8";
  return env;
}
