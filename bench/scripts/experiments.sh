#!/usr/bin/env bash
# Cost of running experiments (issue 18), in one run on one fresh single-node platform: after a long warm-up, feed
# latency at a fixed offered rate (open loop) and event throughput (closed loop) with no experiment, with one, with
# three, and with none again (all stopped: the bracket shows the drift of the server over the run).
#
#   bench/scripts/experiments.sh <silo-dir> <http-port> <videos> <users>
# Environment: FEED_RATE (200), DURATION (15s), LOADGEN, SILO_ARGS.
set -euo pipefail
dir=$1; port=$2; videos=$3; users=$4
here=$(cd "$(dirname "$0")" && pwd)
rate=${FEED_RATE:-200}; duration=${DURATION:-15s}
key=bench-admin-key
export SILO_ARGS="${SILO_ARGS:-} --Platform:AdminApiKey=$key"
data="--videos $videos --users $users --prefix x$videos"
open="--mode open $data --mix feed:1 --rate $rate --duration $duration --warmup 3s --interval 0 --timeout 5s"
events="--mode closed $data --mix events:1 --concurrency 16 --duration $duration --warmup 3s --interval 0"
experiments() { echo "--mode experiments $data --experiments $1 --admin-key $key"; }
"$here/with-server.sh" "$dir" "$port" \
  "--mode seed $data" \
  "--mode closed $data --mix feed:1,events:1 --concurrency 32 --duration 40s --warmup 3s --interval 0" \
  "$open" "$events" \
  "$(experiments 1)" "$open" "$events" \
  "$(experiments 3)" "$open" "$events" \
  "$(experiments 0)" "$open" "$events"
