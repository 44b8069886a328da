#!/usr/bin/env bash
# Starts a fresh single-node platform from a published/built silo directory, waits until it is ready,
# runs one or more load generator invocations against it (each given as one quoted argument string;
# --url and --server-pid are added), then stops the server.
#
#   bench/scripts/with-server.sh <silo-dir> <http-port> "<loadgen args>" ["<loadgen args>" ...]
#
# Environment: LOADGEN (path of Platform.LoadGen, default: dotnet run of bench/Platform.LoadGen),
# SILO_ARGS (extra server arguments, e.g. --Platform:Storage=postgres).
set -euo pipefail
dir=$1; port=$2; shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
loadgen=${LOADGEN:-"dotnet run -c Release --project $root/bench/Platform.LoadGen --"}
silo_port=$((port + 31)); gateway_port=$((port + 32))
log=$(mktemp /tmp/platform-server.XXXXXX.log)
"$dir/Platform.Silo" --urls "http://127.0.0.1:$port" --Orleans:SiloPort=$silo_port --Orleans:GatewayPort=$gateway_port \
  --Logging:LogLevel:Default=Warning ${SILO_ARGS:-} > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break
  sleep 0.5
done
echo "server $dir pid=$pid port=$port (log $log)"
for args in "$@"; do
  # shellcheck disable=SC2086
  # A failed run (e.g. stopped by hand) must not stop the runs after it.
  $loadgen --url "http://127.0.0.1:$port" --server-pid $pid $args || echo "loadgen exited with $?"
done
