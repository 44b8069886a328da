#!/usr/bin/env bash
# Campaign calls per ad impression (issue 17), two silo builds alternated on fresh single-node silos: seed 5,000 videos
# and users, create 1,000 running campaigns, ask feeds for 20 s, print the silo's own call and impression counters.
#
#   bench/scripts/ads-calls.sh <silo-dir-A> <silo-dir-B>
# Environment: LOADGEN (a built Platform.LoadGen).
a=$1; b=$2
run() {
  dir=$1; port=$2
  $dir/Platform.Silo --urls http://127.0.0.1:$port --Orleans:SiloPort=$((port+31)) --Orleans:GatewayPort=$((port+32)) --Logging:LogLevel:Default=Warning --Platform:AdminApiKey=k > /tmp/ads-calls-$port.log 2>&1 &
  pid=$!
  for i in $(seq 1 60); do curl -sf http://127.0.0.1:$port/health/ready >/dev/null && break; sleep 0.5; done
  L=${LOADGEN:?set LOADGEN to a built Platform.LoadGen}
  data="--videos 5000 --users 5000 --prefix a5000"
  $L --url http://127.0.0.1:$port --server-pid $pid --mode seed $data > /dev/null
  $L --url http://127.0.0.1:$port --server-pid $pid --mode campaigns $data --campaigns 1000 --admin-key k | tail -1
  m0=$(curl -s http://127.0.0.1:$port/metrics | grep -E "^platform_ads_(campaign_calls|impressions)_total" | awk '{print $NF}' | tr '\n' ' ')
  echo "== $dir $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) before: $m0"
  $L --url http://127.0.0.1:$port --server-pid $pid --mode closed $data --mix feed:1 --concurrency 32 --duration 20s --warmup 3s --interval 0 | grep -E "^feed|efficiency"
  curl -s http://127.0.0.1:$port/metrics | grep -E "^platform_ads_(campaign_calls|impressions)_total"
  kill $pid; wait $pid 2>/dev/null
}
run "$a" 48080; run "$b" 48180; run "$a" 48080; run "$b" 48180
echo DONE
