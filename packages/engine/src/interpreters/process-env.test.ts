import { describe, expect, it } from "vitest";
import { buildProcessEnv } from "./process-env";

const ctx = { workDir: "/w", inputDir: "/w/input", outputDir: "/w/output", variables: { MODE: "test" } };

describe("buildProcessEnv", () => {
  it("keeps only the safe names of the server's environment", () => {
    const env = buildProcessEnv(ctx, {
      PATH: "/bin",
      LANG: "C.UTF-8",
      TZ: "UTC",
      DATABASE_URL: "file:secret.db",
      AWS_SECRET_ACCESS_KEY: "x",
      NODE_OPTIONS: "--inspect",
    });
    expect(env).toEqual({
      PATH: "/bin",
      LANG: "C.UTF-8",
      TZ: "UTC",
      MODE: "test",
      HOME: "/w",
      INPUT_FOLDER: "/w/input",
      OUTPUT_FOLDER: "/w/output",
      PYTHONUNBUFFERED: "1",
      PYTHONDONTWRITEBYTECODE: "1",
      PYTHONIOENCODING: "utf-8",
    });
  });

  it("lets variables set safe names but not the environment's own folders", () => {
    const env = buildProcessEnv(
      { ...ctx, variables: { TZ: "Europe/Berlin", HOME: "/root", OUTPUT_FOLDER: "/etc", "BAD NAME": "x", NUL: "a\0b" } },
      { TZ: "UTC", PATH: "/bin" },
    );
    expect(env.TZ).toBe("Europe/Berlin");
    expect(env.HOME).toBe("/w");
    expect(env.OUTPUT_FOLDER).toBe("/w/output");
    expect(env).not.toHaveProperty("BAD NAME");
    expect(env).not.toHaveProperty("NUL");
  });

  it("has a PATH even when the server has none", () => {
    expect(buildProcessEnv(ctx, {}).PATH).toBe("/usr/local/bin:/usr/bin:/bin");
  });
});
