#!/usr/bin/env bash
# npm run bench: install and build as `npm start` does, install the Jupyter executor the bench
# compares against when it is missing (Debian: jupyter-nbconvert, python3-ipykernel), then run
# bench/run.ts against the real server. Extra arguments go to the bench
# (e.g. `npm run bench -- --quick`).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1

missing=()
command -v jupyter-nbconvert >/dev/null 2>&1 || missing+=(jupyter-nbconvert)
/usr/bin/python3 -c 'import ipykernel' >/dev/null 2>&1 || missing+=(python3-ipykernel)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing from Debian: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Notice: ${missing[*]} missing and cannot be installed here; the bench skips the Jupyter comparison." >&2
  fi
fi

bash scripts/pnpm.sh install --prefer-offline
bash scripts/pnpm.sh turbo run generate build --output-logs=errors-only
exec bash scripts/pnpm.sh exec tsx bench/run.ts "$@"
