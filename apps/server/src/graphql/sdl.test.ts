import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { printSdl, SDL_FILE } from "./sdl";

describe("the committed GraphQL schema", () => {
  it("is what the code builds (run `bash scripts/pnpm.sh --filter @jobmanager/server emit-schema` after a change)", async () => {
    expect(fs.readFileSync(SDL_FILE, "utf8")).toBe(await printSdl());
  });
});
