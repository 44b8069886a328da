#!/usr/bin/env bash
# README's test command, and what CI runs (.ci/run calls exactly this).
# Installs what the tests need when it is missing (PostgreSQL 15 server binaries, Debian's chromium; see
# tools/install-test-deps.sh), validates deploy/k8s against the Kubernetes schemas (tools/k8s-validate), builds, runs
# the whole suite, and closes with one plain line: "N passed, N failed".
#
#   tools/test.sh                 # everything, as CI runs it (about 10 minutes on 2 cores)
#   tools/test.sh --quick         # skips the long checks ([Trait("Category", "Long")]: the 2-minute soak, the
#                                 # multi-silo SIGKILL and scale runs); for a quick loop while working
#   tools/test.sh --filter "FullyQualifiedName~Feed"   # any other arguments go to dotnet test as they are
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
filter=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --filter) filter="$2"; shift ;;
    --filter=*) filter="${1#--filter=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  filter="${filter:+($filter)&}Category!=Long"
fi
if [ -n "$filter" ]; then
  args+=(--filter "$filter")
fi

# Installing needs root (apt-get); a developer who is not root gets it through sudo.
if [ "$(id -u)" = 0 ]; then
  bash tools/install-test-deps.sh
elif command -v sudo >/dev/null 2>&1; then
  sudo bash tools/install-test-deps.sh
else
  bash tools/install-test-deps.sh --check
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# deploy/k8s against the Kubernetes schemas (bundled in the kubernetes-models npm package; counted as one check).
k8s_failed=0
(cd tools/k8s-validate && npm ci --no-audit --no-fund --loglevel=error >/dev/null && node validate.mjs ../../deploy/k8s) || k8s_failed=1
dotnet test Platform.sln "${args[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
[ "$k8s_failed" = 0 ] || status=1

# One plain closing line that any reader can count.
passed=$( (grep -oE 'Passed: +[0-9]+' "$log" || true) | awk -v k="$k8s_failed" '{s+=$2} END {print s+1-k}')
failed=$( (grep -oE 'Failed: +[0-9]+' "$log" || true) | awk -v k="$k8s_failed" '{s+=$2} END {print s+k}')
echo "$passed passed, $failed failed"
exit "$status"
