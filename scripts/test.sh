#!/usr/bin/env bash
# Installs and runs the whole test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install.sh
# The rate-limit tests start a real redis-server; Debian's package provides it.
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  else
    echo "redis-server is needed by the tests: install it (Debian: sudo apt-get install redis-server)" >&2
    exit 1
  fi
fi
npm test
