/**
 * The web UI is a static export: `next build` writes plain files to `out/`, which the API
 * server serves on the same origin as `/graphql`. Nothing here may need a Node server at run
 * time or the internet at build time.
 */
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "export",
  // `/jobs` → out/jobs.html and `/jobs/detail` → out/jobs/detail.html (apps/server/src/web.ts).
  trailingSlash: false,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep `next dev` from writing AGENTS.md into the app.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
