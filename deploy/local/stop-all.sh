#!/usr/bin/env bash
# Stops the gateway, every silo (gracefully) and PostgreSQL. Data stays in $PLATFORM_LOCAL_DIR.
source "$(dirname "$0")/env.sh"
if [ -f "$LOCAL_DIR/gateway.pid" ]; then kill -TERM "$(cat "$LOCAL_DIR/gateway.pid")" 2>/dev/null || true; rm -f "$LOCAL_DIR/gateway.pid"; fi
for f in "$LOCAL_DIR"/silo-*.pid; do
  [ -e "$f" ] || continue
  n="${f##*/silo-}"; "$(dirname "$0")/stop-silo.sh" "${n%.pid}" &
done
wait
if [ -s "$LOCAL_DIR/pgdata/PG_VERSION" ]; then as_postgres pg_ctl -D "$LOCAL_DIR/pgdata" -m fast -w stop >/dev/null 2>&1 || true; fi
echo "stopped"
