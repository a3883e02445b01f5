#!/usr/bin/env bash
# Load dbt seed fixtures into the local Postgres started by docker-compose.
set -euo pipefail

: "${PGHOST:=localhost}"
: "${PGPORT:=5433}"
export PGPASSWORD="${LOCAL_PG_PASSWORD:?set LOCAL_PG_PASSWORD}"

psql -h "$PGHOST" -p "$PGPORT" -U analytics -d analytics -c "create schema if not exists seeds"
for f in seeds/*.csv; do
  table=$(basename "$f" .csv)
  psql -h "$PGHOST" -p "$PGPORT" -U analytics -d analytics \
    -c "\\copy seeds.${table} from '${f}' with (format csv, header true)"
done

# checksum of the fixture bundle, compared in CI
sha256sum seeds/*.csv | tee seeds.sha256
# e.g. 07c546ff87f6be5459deaeb25834991cd4f321b5d9eae9ab0db17c3c206de33f  seeds/customers.csv
