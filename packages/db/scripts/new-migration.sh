#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql for the change to
# prisma/schema.prisma since the last commit. `migrate dev` and `migrate diff
# --from-migrations` need a shadow database, which the Wasm schema engine with a driver adapter
# cannot use, so we diff the committed schema against the working one instead.
set -euo pipefail
name="${1:?usage: new-migration.sh <name>}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
from=(--from-empty)
if git -C "$root" cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git -C "$root" show HEAD:prisma/schema.prisma > "$tmp/committed.prisma"
  from=(--from-schema-datamodel "$tmp/committed.prisma")
fi
dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
DATABASE_URL="file:$tmp/unused.db" bash "$here/prisma.sh" migrate diff "${from[@]}" \
  --to-schema-datamodel "$root/prisma/schema.prisma" --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
