#!/usr/bin/env bash
# Schema drift check: migrates a fresh PostgreSQL database, generates its types with kysely-codegen and
# type-checks them against src/db/schema.ts (.ci/schema-drift.check.ts). A column added by a migration
# but not to its *.table.ts (or the other way round, or a different type or nullability) fails, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."
PG="${DRIFT_PG_BASE:-postgres://root@127.0.0.1:5432}"
DB="schema_drift_$$"
OUT=.tmp/schema-drift
psql "$PG/postgres" -qc "create database $DB"
DATA="$(mktemp -d)"
trap 'psql "$PG/postgres" -qc "drop database if exists $DB" >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT
DATABASE_URL="$PG/$DB" DATA_DIR="$DATA" LOG_LEVEL=warn npx tsx src/db/migrate.cli.ts >/dev/null
rm -rf "$OUT" && mkdir -p "$OUT"
npx kysely-codegen --dialect postgres --url "$PG/$DB" --out-file "$OUT/db.ts" --log-level warn
cp .ci/schema-drift.check.ts "$OUT/check.ts"
echo '{ "extends": "../../tsconfig.json", "compilerOptions": { "noUnusedLocals": false }, "include": ["check.ts"] }' >"$OUT/tsconfig.json"
if npx tsc -p "$OUT"; then
  echo "schema drift: none (the $(grep -cE '^  [a-z_]+: [A-Z][A-Za-z]*;$' "$OUT/db.ts") tables of the migrated database match src/db/schema.ts)"
else
  echo "schema drift: the migrated PostgreSQL database and src/db/schema.ts disagree (see above)" >&2
  exit 1
fi
