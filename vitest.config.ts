import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // type-graphql and our schema must see one copy of graphql (its ESM and CJS builds differ).
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["apps/*/src/**/*.test.ts", "apps/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["./tooling/vitest.global-setup.ts"],
    reporters: ["default", "./tooling/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
