#!/usr/bin/env bash
# Starts silo number N (1, 2, ...) in the background: API and /dashboard on HTTP_BASE+N.
# Usage: start-silo.sh N [extra --Key=value settings...]
source "$(dirname "$0")/env.sh"
N="${1:?usage: start-silo.sh N}"; shift || true
[ -f "$SILO_DLL" ] || dotnet build "$REPO_ROOT/silo" -c "$CONFIGURATION" -v q >/dev/null

if [ -f "$LOCAL_DIR/silo-$N.pid" ] && kill -0 "$(cat "$LOCAL_DIR/silo-$N.pid")" 2>/dev/null; then
  echo "silo $N already runs (pid $(cat "$LOCAL_DIR/silo-$N.pid"))"; exit 0
fi

mapfile -t ARGS < <(cluster_args)
nohup dotnet "$SILO_DLL" \
  --urls "http://0.0.0.0:$((HTTP_BASE + N))" \
  --Orleans:SiloPort=$((SILO_PORT_BASE + N)) \
  --Orleans:GatewayPort=$((GATEWAY_PORT_BASE + N)) \
  "${ARGS[@]}" "$@" >"$LOCAL_DIR/silo-$N.log" 2>&1 &
echo $! >"$LOCAL_DIR/silo-$N.pid"
wait_ready "http://127.0.0.1:$((HTTP_BASE + N))/health/ready" 120
echo "silo $N ready: http://127.0.0.1:$((HTTP_BASE + N)) (dashboard /dashboard), pid $(cat "$LOCAL_DIR/silo-$N.pid"), log $LOCAL_DIR/silo-$N.log"
