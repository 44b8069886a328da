#!/usr/bin/env bash
# Starts the stand-alone gateway (client-api) on GATEWAY_HTTP: an Orleans client that finds the silos
# through the PostgreSQL membership table and serves the same API.
source "$(dirname "$0")/env.sh"
[ -f "$GATEWAY_DLL" ] || dotnet build "$REPO_ROOT/client-api" -c "$CONFIGURATION" -v q >/dev/null
mapfile -t ARGS < <(cluster_args)
nohup dotnet "$GATEWAY_DLL" --urls "http://0.0.0.0:$GATEWAY_HTTP" "${ARGS[@]}" "$@" >"$LOCAL_DIR/gateway.log" 2>&1 &
echo $! >"$LOCAL_DIR/gateway.pid"
wait_ready "http://127.0.0.1:$GATEWAY_HTTP/health/ready" 120
echo "gateway ready: http://127.0.0.1:$GATEWAY_HTTP, pid $(cat "$LOCAL_DIR/gateway.pid")"
