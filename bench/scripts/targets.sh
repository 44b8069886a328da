#!/usr/bin/env bash
# The issue-6 target suite against one fresh single-node platform (memory storage): seeds a catalog
# and user base through the API, then runs, each REPEAT times (report the median):
#   feed at maximum (closed loop), feed at a fixed offered rate (open loop, p99), freshness probe,
#   ingest in batches at maximum (spread and popularity-skewed videos).
#
#   bench/scripts/targets.sh <silo-dir> <http-port> <videos> <users>
# Environment: REPEAT (default 3), FEED_RATE (default 1000), DURATION (default 15s), LOADGEN, SILO_ARGS.
set -euo pipefail
dir=$1; port=$2; videos=$3; users=$4
here=$(cd "$(dirname "$0")" && pwd)
repeat=${REPEAT:-3}; rate=${FEED_RATE:-1000}; duration=${DURATION:-15s}
data="--videos $videos --users $users --prefix t$videos"
runs=("--mode seed $data")
for _ in $(seq 1 "$repeat"); do runs+=("--mode closed $data --mix feed:1 --concurrency 32 --duration $duration --warmup 3s --interval 0"); done
for _ in $(seq 1 "$repeat"); do runs+=("--mode open $data --mix feed:1 --rate $rate --duration $duration --warmup 3s --interval 0 --timeout 5s"); done
runs+=("--mode freshness $data --trials 100")
for _ in $(seq 1 "$repeat"); do runs+=("--mode closed $data --mix events:1 --skew 1 --batch 500 --concurrency 8 --duration $duration --warmup 3s --interval 0"); done
for _ in $(seq 1 "$repeat"); do runs+=("--mode closed $data --mix events:1 --skew 3 --batch 500 --concurrency 8 --duration $duration --warmup 3s --interval 0"); done
"$here/with-server.sh" "$dir" "$port" "${runs[@]}"
