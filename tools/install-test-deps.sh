#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, on Debian (as root, or with sudo):
# Debian's Chromium, driven by the creator studio browser tests through Microsoft.Playwright
# (Playwright's own browser download is not used). Safe to run again: it skips what is there.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q chromium fonts-liberation
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
