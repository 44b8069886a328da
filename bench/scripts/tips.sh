#!/usr/bin/env bash
# Tips per second through real HTTP (bench/Platform.TipBench): one fresh single-node silo on memory storage, then three
# silos on a fresh PostgreSQL (deploy/local scripts), each with the silos' CPU-seconds per tip.
#
#   bench/scripts/tips.sh <repo-root> <tag> <port-offset>
# Needs: `dotnet build Platform.sln -c Release` in <repo-root>; PostgreSQL 15 (tools/install-test-deps.sh).
# DUR=20 sets the measured seconds, WARM=5 the warm-up; MEM_CONC=16 and PG_CONC=64 the tips in flight; MODES="memory durable".
set -uo pipefail
root=$1; tag=$2; off=$3
source "$root/bench/scripts/silo.sh"
bench="dotnet $root/bench/Platform.TipBench/bin/Release/net10.0/Platform.TipBench.dll --admin-key bench --duration ${DUR:-20} --warmup ${WARM:-5} --users 2000 --creators 200"
ticks() { awk '{print $14 + $15}' /proc/$1/stat 2>/dev/null; }
report() { # <label> <log> <cpu-ticks>
  local rate; rate=$(grep -oE "^tips/s [0-9]+" "$2" | grep -oE "[0-9]+$")
  echo "== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"; cat "$2"
  # The CPU covers the warm-up as well, counted at the measured rate.
  [ -n "$rate" ] && [ "$rate" -gt 0 ] && awk -v t=$3 -v r=$rate -v s=$(( ${DUR:-20} + ${WARM:-5} )) \
    'BEGIN { printf "silos CPU %.1f s, %.2f ms per tip\n", t/100, t*10/(r*s) }'
}
settings=(--Platform:AdminApiKey=bench --Platform:RateLimit:Enabled=false)
if [[ " ${MODES:-memory durable} " == *" memory "* ]]; then
  pid=; start_silo "$root/silo/bin/Release/net10.0" $((21500+off)) /tmp/tips-$tag-silo.log "${settings[@]}"
  t0=$(ticks $pid); $bench --gateways http://127.0.0.1:$((21500+off)) --concurrency ${MEM_CONC:-16} > /tmp/tips-$tag-mem.txt 2>&1; t1=$(ticks $pid)
  report "$tag memory, 1 silo, ${MEM_CONC:-16} in flight" /tmp/tips-$tag-mem.txt $((t1-t0))
  kill $pid; wait $pid 2>/dev/null
fi
if [[ " ${MODES:-memory durable} " == *" durable "* ]]; then
  export PLATFORM_LOCAL_DIR=/tmp/pgt-$tag PLATFORM_PG_PORT=$((21633+off)) PLATFORM_HTTP_BASE=$((21600+off)) \
         PLATFORM_SILO_PORT_BASE=$((21710+off)) PLATFORM_GATEWAY_PORT_BASE=$((21800+off))
  rm -rf /tmp/pgt-$tag
  "$root/deploy/local/start-postgres.sh" > /tmp/tips-$tag-pg.log 2>&1
  for n in 1 2 3; do "$root/deploy/local/start-silo.sh" $n "${settings[@]}" >> /tmp/tips-$tag-pg.log 2>&1 & done; wait
  g="http://127.0.0.1:$((PLATFORM_HTTP_BASE+1)),http://127.0.0.1:$((PLATFORM_HTTP_BASE+2)),http://127.0.0.1:$((PLATFORM_HTTP_BASE+3))"
  silos() { for n in 1 2 3; do ticks $(cat /tmp/pgt-$tag/silo-$n.pid); done | awk '{t+=$1} END {print t}'; }
  t0=$(silos); $bench --gateways $g --concurrency ${PG_CONC:-64} > /tmp/tips-$tag-pg.txt 2>&1; t1=$(silos)
  report "$tag durable, 3 silos on PostgreSQL, ${PG_CONC:-64} in flight" /tmp/tips-$tag-pg.txt $((t1-t0))
  for n in 1 2 3; do kill $(cat /tmp/pgt-$tag/silo-$n.pid) 2>/dev/null; done; sleep 3
  "$root/deploy/local/stop-all.sh" >> /tmp/tips-$tag-pg.log 2>&1
fi
