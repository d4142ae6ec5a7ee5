#!/usr/bin/env bash
# Installs what the project needs beyond the .NET SDK: its Node tools and packages (Azurite, MailDev, Chart.js) from
# package-lock.json when they are missing or older than the lock file, and Debian's Chromium for the page tests when
# it is missing (as root, through apt-get; otherwise it says what to run).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  else
    echo "The page tests need Debian's Chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
  fi
fi
