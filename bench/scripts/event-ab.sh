#!/usr/bin/env bash
# A/B of two silo builds on the event path, alternated on fresh single-node silos in one run (memory storage):
# seed VIDEOS videos and USERS users (activated by reads), then batches of 100 events on uniform videos, 8 workers.
#
#   bench/scripts/event-ab.sh <silo-dir-A> <silo-dir-B> <http-port> [rounds]
# Environment: LOADGEN (a built Platform.LoadGen), VIDEOS (20000), USERS (20000), DURATION (20s).
set -euo pipefail
source "$(dirname "$0")/silo.sh"
a=$1; b=$2; port=$3; rounds=${4:-2}
loadgen=${LOADGEN:?set LOADGEN to a built Platform.LoadGen}
videos=${VIDEOS:-20000}; users=${USERS:-20000}; duration=${DURATION:-20s}
# Allocated bytes, collections, and the messages grains received (one-way, request: Orleans' dispatcher counters).
gc_figures() {
  curl -s "http://127.0.0.1:$port/metrics" | awk '
    /^dotnet_gc_heap_total_allocated_bytes_total/ {a = $2}
    /^dotnet_gc_collections_total/ {c += $2}
    /^orleans_messaging_processing_dispatcher_received_total/ && /Context="Grain"/ && /Direction="OneWay"/ {o = $2}
    /^orleans_messaging_processing_dispatcher_received_total/ && /Context="Grain"/ && /Direction="Request"/ {r = $2}
    END {print a + 0, c + 0, o + 0, r + 0}'
}
run() {
  local dir=$1
  local pid
  start_silo "$dir" "$port" "/tmp/event-ab-$port.log"
  "$loadgen" --url "http://127.0.0.1:$port" --server-pid $pid --mode seed --videos "$videos" --users "$users" --seed-users-with reads --prefix p1 > /dev/null
  echo "== $dir $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  local before; before=$(gc_figures)
  "$loadgen" --url "http://127.0.0.1:$port" --server-pid $pid --mode closed --mix events:1 --batch 100 --skew 1 --concurrency 8 \
    --videos "$videos" --users "$users" --prefix p1 --duration "$duration" --warmup 0s > "/tmp/event-ab-$port.txt"
  grep -E "^events|efficiency|server:|server gc" "/tmp/event-ab-$port.txt"
  # Allocation and collections per event, from the silo's own /metrics (requests x 100 events).
  echo "$before $(gc_figures) $(awk '/^events /{print $2}' "/tmp/event-ab-$port.txt")" |
    awk '{ev = $9 * 100; if (ev > 0) printf "allocated %.0f bytes per event, %.1f collections per 10k events, %.3f one-way and %.3f request messages to grains per event\n", ($5 - $1) / ev, ($6 - $2) * 10000 / ev, ($7 - $3) / ev, ($8 - $4) / ev}'
  kill $pid; wait $pid 2>/dev/null || true
}
for _ in $(seq 1 "$rounds"); do run "$a"; run "$b"; done
