#!/usr/bin/env bash
# The event scenario through two independent load tools on one fresh single-node silo: Platform.LoadGen and wrk
# (bench/wrk/events.lua), alternated, 20 s each, 8 connections; prints events/s and the server's CPU-seconds.
#
#   bench/scripts/wrk-compare.sh <silo-dir> <http-port> [rounds]
# Environment: LOADGEN (a built Platform.LoadGen), VIDEOS (20000), USERS (20000). Needs wrk (apt-get install wrk).
set -euo pipefail
source "$(dirname "$0")/silo.sh"
dir=$1; port=$2; rounds=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
loadgen=${LOADGEN:?set LOADGEN to a built Platform.LoadGen}
videos=${VIDEOS:-20000}; users=${USERS:-20000}
start_silo "$dir" "$port" "/tmp/wrk-compare-$port.log"
trap 'kill $pid 2>/dev/null || true' EXIT
"$loadgen" --url "http://127.0.0.1:$port" --server-pid $pid --mode seed --videos "$videos" --users "$users" --seed-users-with reads --prefix p1 > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for _ in $(seq 1 "$rounds"); do
  echo "== loadgen $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$loadgen" --url "http://127.0.0.1:$port" --server-pid $pid --mode closed --mix events:1 --batch 100 --skew 1 --concurrency 8 \
    --videos "$videos" --users "$users" --prefix p1 --duration 20s --warmup 3s | grep -E "^events|efficiency"
  echo "== wrk $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  before=$(ticks)
  wrk -t2 -c8 -d20s -s "$here/../wrk/events.lua" "http://127.0.0.1:$port" -- p1 "$users" "$videos" | tail -1
  echo "server CPU-seconds during wrk: $(awk -v a="$before" -v b="$(ticks)" 'BEGIN { printf "%.1f", (b - a) / 100 }')"
done
