#!/usr/bin/env bash
# Starts a local PostgreSQL (initdb on first use) on $PLATFORM_PG_PORT and applies deploy/postgres/init.sql.
# Applying the schema again is harmless, so this can be run at any time.
source "$(dirname "$0")/env.sh"

PG_DATA="$LOCAL_DIR/pgdata"
if [ ! -s "$PG_DATA/PG_VERSION" ]; then
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" = "0" ]; then chown -R postgres: "$LOCAL_DIR"; fi
  as_postgres initdb -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
fi

if ! as_postgres pg_ctl -D "$PG_DATA" status >/dev/null 2>&1; then
  as_postgres pg_ctl -D "$PG_DATA" -l "$LOCAL_DIR/postgres.log" -w start \
    -o "-p $PG_PORT -k $LOCAL_DIR -c listen_addresses=127.0.0.1 -c max_connections=400" >/dev/null
fi

psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE \"$PG_DB\""
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -q -v ON_ERROR_STOP=1 -f "$REPO_ROOT/deploy/postgres/init.sql" >/dev/null 2>"$LOCAL_DIR/init-sql.log" \
  || { cat "$LOCAL_DIR/init-sql.log" >&2; exit 1; }
echo "postgres ready: $CONNECTION_STRING"
