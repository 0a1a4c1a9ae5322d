#!/usr/bin/env bash
# Prints the SQL that takes the database from the schema as committed at REV
# (default HEAD) to prisma/schema.prisma as it is now, for a new migration:
#   scripts/db/migration-sql.sh [REV] > prisma/migrations/<timestamp>_<name>/migration.sql
# and the same for PostgreSQL, from prisma/postgresql/schema.prisma:
#   scripts/db/migration-sql.sh --postgresql [REV] > prisma/postgresql/migrations/<timestamp>_<name>/migration.sql
# Prisma 7's own `migrate diff` needs a native engine that cannot be
# downloaded here; Prisma 6.19 runs the same diff on its WebAssembly engine
# through a driver adapter. It is installed from the npm registry into a
# cache folder, never into the project. Hand-written SQL (the audit log's
# triggers, say) is not in the schema: add it to the migration yourself.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
schema=prisma/schema.prisma
if [ "${1:-}" = "--postgresql" ]; then
  schema=prisma/postgresql/schema.prisma
  shift
  # Prisma 6's PostgreSQL adapter connects even to diff two files: give it a throwaway cluster.
  if [ -z "${POSTGRES_URL:-}" ]; then
    exec npx tsx "$root/scripts/db/with-postgres.ts" bash "$0" --postgresql "$@"
  fi
fi
rev=${1:-HEAD}
tool=${PRISMA6_TOOL_DIR:-$HOME/.cache/autopilot-portal/prisma6}
if [ ! -x "$tool/node_modules/.bin/prisma" ]; then
  mkdir -p "$tool"
  (cd "$tool" && npm init -y >/dev/null && npm install --no-save prisma@6.19.3 @prisma/adapter-better-sqlite3@6.19.3 better-sqlite3@12 >/dev/null 2>&1)
fi
if [ ! -d "$tool/node_modules/@prisma/adapter-pg" ]; then
  (cd "$tool" && npm install --no-save prisma@6.19.3 @prisma/adapter-better-sqlite3@6.19.3 better-sqlite3@12 @prisma/adapter-pg@6.19.3 pg@8 >/dev/null 2>&1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Prisma 6 wants the schema in its own dialect: the classic generator and a URL
# (never connected to: the diff is between two schema files).
to_prisma6() {
  sed -e 's/provider = "prisma-client"/provider = "prisma-client-js"/' -e '/^  output /d' \
      -e 's/^  provider = "sqlite"$/  provider = "sqlite"\n  url      = "file:.\/diff.db"/' \
      -e 's/^  provider = "postgresql"$/  provider = "postgresql"\n  url      = "postgresql:\/\/localhost\/diff"/'
}
to_prisma6 < "$root/$schema" > "$work/to.prisma"
if git -C "$root" cat-file -e "$rev:$schema" 2>/dev/null; then
  git -C "$root" show "$rev:$schema" | to_prisma6 > "$work/from.prisma"
  from=(--from-schema-datamodel from.prisma)
else
  from=(--from-empty)
fi
if [ "$schema" = prisma/schema.prisma ]; then
  adapter="import { PrismaBetterSQLite3 as Adapter } from '@prisma/adapter-better-sqlite3'; const make = () => new Adapter({ url: 'file:./diff.db' });"
else
  adapter="import { PrismaPg as Adapter } from '@prisma/adapter-pg'; const make = () => new Adapter({ connectionString: '$POSTGRES_URL' });"
fi
cat > "$work/prisma.config.ts" <<TS
import { defineConfig } from 'prisma/config';
$adapter
export default defineConfig({
  experimental: { adapter: true },
  schema: 'to.prisma',
  engine: 'js',
  adapter: async () => make(),
});
TS
ln -s "$tool/node_modules" "$work/node_modules"
: > "$work/dummy"
cd "$work"
PRISMA_SCHEMA_ENGINE_BINARY="$work/dummy" PRISMA_QUERY_ENGINE_LIBRARY="$work/dummy" \
  ./node_modules/.bin/prisma migrate diff "${from[@]}" --to-schema-datamodel to.prisma --script 2>/dev/null
