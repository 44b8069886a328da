#!/usr/bin/env bash
# Durable ingest spread over 2,000 videos on a fresh PostgreSQL and 3 silos started from one checkout's Release build
# (deploy/local scripts), 5 s of warm-up traffic, then 20 s measured; prints events/s and latency, CPU-seconds of
# PostgreSQL and of the silos, rows written per table, WAL bytes and rows per event. Compare two builds by running it
# for each checkout in turn (different tags and port offsets).
#
#   bench/scripts/durable-spread.sh <repo-root> <tag> <port-offset>
# Needs: `dotnet build Platform.sln -c Release` in <repo-root>; PostgreSQL 15 (tools/install-test-deps.sh). DUR=20 sets the measured seconds, WARM=5 the seconds of warm-up traffic before them.
# The warm-up and the measurement send for the same 2,000 users (USERS=2000) and 2,000 videos, so the measurement sees
# active grains with written state (the steady ingest); COLD=1 gives the measurement fresh users, videos and
# creators instead (every request then activates a user that has never been seen).
set -uo pipefail
root=$1; tag=$2; off=$3
export PLATFORM_LOCAL_DIR=/tmp/pgd-$tag PLATFORM_PG_PORT=$((21433+off)) PLATFORM_HTTP_BASE=$((21200+off)) \
       PLATFORM_SILO_PORT_BASE=$((21110+off)) PLATFORM_GATEWAY_PORT_BASE=$((21300+off))
rm -rf /tmp/pgd-$tag
$root/deploy/local/start-postgres.sh > /tmp/dab-$tag.log 2>&1
for n in 1 2 3; do $root/deploy/local/start-silo.sh $n >> /tmp/dab-$tag.log 2>&1 & done; wait
q() { runuser -u postgres -- psql -h 127.0.0.1 -p $PLATFORM_PG_PORT -d platform -Atc "$1"; }
stats() { q "select (select wal_bytes from pg_stat_wal), (select coalesce(sum(n_tup_ins+n_tup_upd),0) from pg_stat_user_tables)"; }
g="http://127.0.0.1:$((PLATFORM_HTTP_BASE+1)),http://127.0.0.1:$((PLATFORM_HTTP_BASE+2)),http://127.0.0.1:$((PLATFORM_HTTP_BASE+3))"
B="dotnet $root/bench/Platform.DurableIngestBench/bin/Release/net10.0/Platform.DurableIngestBench.dll --gateways $g"
run=$tag$$; measured_run=$run; [ "${COLD:-0}" = 1 ] && measured_run=${run}c
A="--concurrency 32 --batch 50 --videos 2000 --users ${USERS:-2000}"
$B --duration ${WARM:-5} --warmup 5 $A --run $run > /tmp/dab-$tag-warm.txt 2>&1
before=$(stats)
# CPU seconds from /proc in clock ticks (ps rounds each process down to whole seconds, which hides many short
# PostgreSQL backends): the postmaster with its reaped children, its live children, and the three silos.
ticks() { awk '{print $14 + $15 + ($1 == pm ? $16 + $17 : 0)}' pm=$1 /proc/$1/stat 2>/dev/null; }
cpu() { pm=$(head -1 $(find /tmp/pgd-$tag -name postmaster.pid | head -1)); pg=$( (ticks $pm; for c in $(pgrep -P $pm); do ticks $c; done) | awk '{t+=$1} END {print t/100}'); si=$(for n in 1 2 3; do ticks $(cat /tmp/pgd-$tag/silo-$n.pid); done | awk '{t+=$1} END {print t/100}'); echo "$pg $si"; }
cpu0=$(cpu)
q "select relname, n_tup_ins+n_tup_upd from pg_stat_user_tables" | sort > /tmp/dab-$tag-t0.txt
$B --duration ${DUR:-20} --warmup 0 $A --run $measured_run > /tmp/dab-$tag-run.txt 2>&1
after=$(stats)
cpu1=$(cpu)
echo "$cpu0 $cpu1" | awk '{printf "CPU-s during run: postgres %.1f, silos %.1f\n", $3-$1, $4-$2}'
q "select relname, n_tup_ins+n_tup_upd from pg_stat_user_tables" | sort > /tmp/dab-$tag-t1.txt
join -t"|" /tmp/dab-$tag-t0.txt /tmp/dab-$tag-t1.txt | awk -F"|" '{d=$3-$2; if (d>0) print "  rows", $1, d}'
echo "== $tag $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -iE "events/s|failed|p99|accepted" /tmp/dab-$tag-run.txt | head -6
ev=$(grep -oE "accepted [0-9]+|[0-9]+ events accepted" /tmp/dab-$tag-run.txt | grep -oE "[0-9]+" | head -1)
echo "before $before after $after accepted-events $ev" | tr '|' ' ' | awk '{ if ($8>0) printf "WAL %.0f B/event, rows written %.2f per event (incl. the run\x27s 2,000 video registrations: new videos with COLD=1, repeats otherwise)\n", ($5-$2)/$8, ($6-$3)/$8; else print }'
for n in 1 2 3; do kill $(cat /tmp/pgd-$tag/silo-$n.pid) 2>/dev/null; done; sleep 3
$root/deploy/local/stop-all.sh >> /tmp/dab-$tag.log 2>&1
