#!/usr/bin/env bash
# npm run bench: the benchmarks (see the Benchmarks issue); for now they are not written yet.
set -euo pipefail
echo "No benchmarks yet: they arrive with the Benchmarks issue (bench/)." >&2
exit 1
