#!/usr/bin/env bash
# Runs the Prisma CLI with no native engine: both variables point at an existing file so the
# CLI does not try to download engines (these machines cannot reach Prisma's servers).
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/package.json"
export PRISMA_QUERY_ENGINE_LIBRARY="$PWD/package.json"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
exec npx --no-install prisma "$@"
