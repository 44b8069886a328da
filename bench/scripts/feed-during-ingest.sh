#!/usr/bin/env bash
# The feed's tail while events flow, on one fresh single-node platform (memory storage): seeds VIDEOS videos and USERS
# users, measures the ingest maximum (closed loop, batches of 100 over uniform users and videos), then runs, at the same
# time, ingest at half that maximum (open loop) and feeds at FEED_RATE req/s (open loop), and prints both reports;
# finally feeds alone at ALONE_RATE req/s (open loop).
#
#   bench/scripts/feed-during-ingest.sh <silo-dir> <http-port>
# Environment: LOADGEN (a built Platform.LoadGen), VIDEOS (20000), USERS (20000), FEED_RATE (200), ALONE_RATE (1000),
# DURATION (20s).
set -euo pipefail
source "$(dirname "$0")/silo.sh"
dir=$1; port=$2
loadgen=${LOADGEN:?set LOADGEN to a built Platform.LoadGen}
videos=${VIDEOS:-20000}; users=${USERS:-20000}; rate=${FEED_RATE:-200}; alone=${ALONE_RATE:-1000}; duration=${DURATION:-20s}
data="--videos $videos --users $users --prefix f1"
start_silo "$dir" "$port" "/tmp/feed-ingest-$port.log"
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
lg() { "$loadgen" --url "http://127.0.0.1:$port" --server-pid $pid "$@"; }
lg --mode seed $data --seed-users-with reads > /dev/null
echo "== $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
lg --mode closed $data --mix events:1 --batch 100 --skew 1 --concurrency 8 --duration "$duration" --warmup 3s --interval 0 > /tmp/feed-ingest-max.txt
grep -E "^events|server gc" /tmp/feed-ingest-max.txt
# Requests per second at half the maximum: the closed loop's requests/s (column 3 of the "events" row) / 2.
half=$(awk '/^events /{printf "%.1f", $3 / 2}' /tmp/feed-ingest-max.txt)
echo "ingest at half its maximum: $half requests/s of 100 events, with feeds at $rate req/s"
lg --mode open $data --mix events:1 --batch 100 --skew 1 --rate "$half" --duration "$duration" --warmup 3s --interval 0 --timeout 5s > /tmp/feed-ingest-events.txt &
events=$!
lg --mode open $data --mix feed:1 --rate "$rate" --duration "$duration" --warmup 3s --interval 0 --timeout 5s > /tmp/feed-ingest-feed.txt
wait $events
grep -E "^events|^feed|server gc" /tmp/feed-ingest-events.txt /tmp/feed-ingest-feed.txt
echo "feeds alone at $alone req/s:"
lg --mode open $data --mix feed:1 --rate "$alone" --duration "$duration" --warmup 3s --interval 0 --timeout 5s | grep -E "^feed|server:|server gc"
