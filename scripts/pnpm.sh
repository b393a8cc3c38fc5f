#!/usr/bin/env bash
# Runs the pnpm pinned in package.json ("packageManager") through npx, so nothing global is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pm="$(node -p "require('$root/package.json').packageManager")"
exec npx --yes "$pm" "$@"
