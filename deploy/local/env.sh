#!/usr/bin/env bash
# Shared settings of the deploy/local scripts. Every value can be overridden from the environment.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="${PLATFORM_LOCAL_DIR:-/tmp/platform-local}"    # data, logs and pid files
PG_PORT="${PLATFORM_PG_PORT:-5433}"
PG_DB="${PLATFORM_PG_DB:-platform}"
CONFIGURATION="${PLATFORM_CONFIGURATION:-Release}"
HTTP_BASE="${PLATFORM_HTTP_BASE:-8080}"        # silo N serves the API and /dashboard on HTTP_BASE+N
SILO_PORT_BASE="${PLATFORM_SILO_PORT_BASE:-11110}" # silo-to-silo port SILO_PORT_BASE+N
GATEWAY_PORT_BASE="${PLATFORM_GATEWAY_PORT_BASE:-30000}" # Orleans client port GATEWAY_PORT_BASE+N
GATEWAY_HTTP="${PLATFORM_GATEWAY_HTTP:-$HTTP_BASE}"  # the stand-alone gateway (client-api)
CLUSTER_ID="${PLATFORM_CLUSTER_ID:-local}"
SERVICE_ID="${PLATFORM_SERVICE_ID:-platform}"
CONNECTION_STRING="${PLATFORM_CONNECTION_STRING:-Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB;Maximum Pool Size=100}"

SILO_DLL="$REPO_ROOT/silo/bin/$CONFIGURATION/net10.0/Platform.Silo.dll"
GATEWAY_DLL="$REPO_ROOT/client-api/bin/$CONFIGURATION/net10.0/Platform.ClientApi.dll"

mkdir -p "$LOCAL_DIR"

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Waits until an HTTP URL answers 200, or fails after $2 seconds (default 90).
wait_ready() {
  local url="$1" timeout="${2:-90}" i=0
  until curl -fs -o /dev/null "$url"; do
    i=$((i + 1))
    if [ "$i" -gt $((timeout * 2)) ]; then echo "not ready: $url" >&2; return 1; fi
    sleep 0.5
  done
}

# The settings every silo and the gateway share (cluster identity, PostgreSQL).
cluster_args() {
  printf '%s\n' \
    "--Platform:Clustering=postgres" \
    "--Platform:Storage=postgres" \
    "--ConnectionStrings:Platform=$CONNECTION_STRING" \
    "--Orleans:ClusterId=$CLUSTER_ID" \
    "--Orleans:ServiceId=$SERVICE_ID"
}
