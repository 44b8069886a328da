#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (CI runs as root):
# PostgreSQL 15 server binaries (tests start a throwaway server), Debian's chromium (browser tests) and node/npm
# (the Kubernetes manifest check).
# With --check it installs nothing and fails when something is missing (tools/test.sh without root or sudo).
set -euo pipefail

need=()
command -v initdb >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)   # tools/k8s-validate (Kubernetes schema check of deploy/k8s)

if [ ${#need[@]} -gt 0 ] && [ "${1:-}" = "--check" ]; then
  echo "missing: ${need[*]} (run tools/install-test-deps.sh as root to install them)" >&2
  exit 1
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# Debian keeps the server binaries off PATH; tests call initdb, pg_ctl and postgres by name.
if ! command -v initdb >/dev/null 2>&1; then
  if [ "${1:-}" = "--check" ]; then
    echo "initdb is not on PATH: add /usr/lib/postgresql/15/bin to PATH" >&2
    exit 1
  fi
  for tool in initdb pg_ctl postgres; do
    ln -sf "/usr/lib/postgresql/15/bin/$tool" "/usr/local/bin/$tool"
  done
fi
