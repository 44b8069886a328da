#!/usr/bin/env bash
# Feed cost of ads (issue 17), in one run on one fresh single-node platform: after a long warm-up (so JIT tiering is
# done), feed throughput (closed loop) and latency at a fixed offered rate (open loop) with no campaigns; then with
# CAMPAIGNS running campaigns (created to end after CAMPAIGN_SECONDS); then again once they have ended.
#
#   bench/scripts/ads.sh <silo-dir> <http-port> <videos> <users>
# Environment: CAMPAIGNS (1000), CAMPAIGN_SECONDS (70), FEED_RATE (100), DURATION (15s), LOADGEN, SILO_ARGS.
set -euo pipefail
dir=$1; port=$2; videos=$3; users=$4
here=$(cd "$(dirname "$0")" && pwd)
campaigns=${CAMPAIGNS:-1000}; seconds=${CAMPAIGN_SECONDS:-70}; rate=${FEED_RATE:-100}; duration=${DURATION:-15s}
key=bench-admin-key
export SILO_ARGS="${SILO_ARGS:-} --Platform:AdminApiKey=$key"
data="--videos $videos --users $users --prefix a$videos"
closed="--mode closed $data --mix feed:1 --concurrency 32 --duration $duration --warmup 3s --interval 0"
open="--mode open $data --mix feed:1 --rate $rate --duration $duration --warmup 3s --interval 0 --timeout 5s"
"$here/with-server.sh" "$dir" "$port" \
  "--mode seed $data" \
  "--mode closed $data --mix feed:1 --concurrency 32 --duration 40s --warmup 3s --interval 0" \
  "$closed" "$open" \
  "--mode campaigns $data --campaigns $campaigns --campaign-seconds $seconds --admin-key $key" \
  "$closed" "$open" \
  "--mode closed $data --mix feed:1 --concurrency 4 --duration 20s --warmup 0s --interval 0" \
  "$closed" "$open"
