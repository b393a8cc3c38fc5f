#!/usr/bin/env bash
# npm start: install, generate the Prisma client, build the web UI, then serve everything
# (the server applies migrations and seeds the demo tenant itself).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1
bash scripts/pnpm.sh install --prefer-offline
bash scripts/pnpm.sh turbo run generate build --output-logs=errors-only
exec bash scripts/pnpm.sh --filter @jobmanager/server start
