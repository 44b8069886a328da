#!/usr/bin/env bash
# Stops silo N gracefully (SIGTERM): it leaves the membership table, its grains write their state and
# deactivate, and the next call to each reactivates it on another silo from PostgreSQL.
# Usage: stop-silo.sh N [--kill]   (--kill: SIGKILL, to rehearse a crash)
source "$(dirname "$0")/env.sh"
N="${1:?usage: stop-silo.sh N [--kill]}"
PID_FILE="$LOCAL_DIR/silo-$N.pid"
[ -f "$PID_FILE" ] || { echo "no silo $N"; exit 0; }
PID="$(cat "$PID_FILE")"
if [ "${2:-}" = "--kill" ]; then kill -KILL "$PID" 2>/dev/null || true; else kill -TERM "$PID" 2>/dev/null || true; fi
for _ in $(seq 1 120); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
rm -f "$PID_FILE"
echo "silo $N stopped"
