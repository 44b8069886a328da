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
source "$(dirname "$0")/silo.sh"
dir=$1; port=$2; shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
loadgen=${LOADGEN:-"dotnet run -c Release --project $root/bench/Platform.LoadGen --"}
log=$(mktemp /tmp/platform-server.XXXXXX.log)
# shellcheck disable=SC2086
start_silo "$dir" "$port" "$log" ${SILO_ARGS:-}
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
echo "server $dir pid=$pid port=$port (log $log)"
for args in "$@"; do
  # shellcheck disable=SC2086
  # A failed run (e.g. stopped by hand) must not stop the runs after it.
  $loadgen --url "http://127.0.0.1:$port" --server-pid $pid $args || echo "loadgen exited with $?"
done
