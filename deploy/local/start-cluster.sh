#!/usr/bin/env bash
# PostgreSQL + schema, N silos (default 3) and the stand-alone gateway, all on this machine.
# Usage: start-cluster.sh [N]
source "$(dirname "$0")/env.sh"
COUNT="${1:-3}"
dotnet build "$REPO_ROOT/Platform.sln" -c "$CONFIGURATION" -v q >/dev/null
"$(dirname "$0")/start-postgres.sh"
for n in $(seq 1 "$COUNT"); do "$(dirname "$0")/start-silo.sh" "$n" & done
wait
"$(dirname "$0")/start-gateway.sh"
