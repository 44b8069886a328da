#!/usr/bin/env bash
# Memory per user grain: starts a fresh single-node platform, activates N users through the API
# (bare activations by reads, or users with a few events each) and prints the server's resident
# memory (VmRSS) and managed heap after the last GC (from /metrics) before and after, and per grain.
#
#   bench/scripts/memory.sh <silo-dir> <http-port> <users> [reads|events] [videos]
set -euo pipefail
source "$(dirname "$0")/silo.sh"
dir=$1; port=$2; users=$3; with=${4:-reads}; videos=${5:-0}
root=$(cd "$(dirname "$0")/../.." && pwd)
loadgen=${LOADGEN:-"dotnet run -c Release --project $root/bench/Platform.LoadGen --"}
log=$(mktemp /tmp/platform-server.XXXXXX.log)
# shellcheck disable=SC2086
start_silo "$dir" "$port" "$log" ${SILO_ARGS:-}
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT

report() {
  local rss heap
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 * 1024}' "/proc/$pid/status")
  heap=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes/ {s += $NF} END {printf "%.0f", s}')
  echo "$1 rss=$rss gc_heap=$heap"
}

if [ "$videos" -gt 0 ]; then
  # shellcheck disable=SC2086
  $loadgen --url "http://127.0.0.1:$port" --server-pid $pid --mode seed --videos "$videos" --users 0 --prefix mem
fi
sleep 5; report "before"; read -r _ rss0 heap0 <<< "$(report before | tr '=' ' ' | awk '{print $1, $3, $5}')"
# shellcheck disable=SC2086
$loadgen --url "http://127.0.0.1:$port" --server-pid $pid --mode seed --videos "$videos" --users "$users" \
  --seed-users-with "$with" --seed-concurrency 128 --prefix mem | grep -E "^seed|^date"
sleep 10; report "after"; read -r _ rss1 heap1 <<< "$(report after | tr '=' ' ' | awk '{print $1, $3, $5}')"
echo "users=$users with=$with: rss $((rss1 / 1048576)) MiB, gc heap $((heap1 / 1048576)) MiB;" \
  "per user grain: $(( (rss1 - rss0) / users )) bytes rss, $(( (heap1 - heap0) / users )) bytes gc heap"
