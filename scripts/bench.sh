#!/usr/bin/env bash
# npm run bench: install and build as `npm start` does, then run bench/run.ts against the real
# server. Extra arguments go to the bench (e.g. `npm run bench -- --runs 20`).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1
bash scripts/pnpm.sh install --prefer-offline
bash scripts/pnpm.sh turbo run generate build --output-logs=errors-only
exec bash scripts/pnpm.sh exec tsx bench/run.ts "$@"
