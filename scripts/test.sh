#!/usr/bin/env bash
# npm test: install, generate, build the web UI, type-check, then run every test once.
# Extra arguments go to vitest (e.g. `npm test -- packages/domain`).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1
bash scripts/pnpm.sh install --prefer-offline
bash scripts/pnpm.sh turbo run generate build typecheck --output-logs=errors-only
exec bash scripts/pnpm.sh exec vitest run "$@"
