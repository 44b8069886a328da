#!/usr/bin/env bash
# Adds one silo with the next free number; the activation rebalancer moves grains onto it.
source "$(dirname "$0")/env.sh"
N=1
while [ -f "$LOCAL_DIR/silo-$N.pid" ] && kill -0 "$(cat "$LOCAL_DIR/silo-$N.pid")" 2>/dev/null; do N=$((N + 1)); done
"$(dirname "$0")/start-silo.sh" "$N" "$@"
