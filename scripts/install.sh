#!/usr/bin/env bash
# Installs what Guildhall needs on a fresh machine: Node 24 (when the machine's is older) and the npm
# dependencies. Meant to be sourced by start.sh and test.sh so the PATH change carries over.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=use-node24.sh
source scripts/use-node24.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm ci` refuses this lock file: chdb lists optional per-platform packages that the registry here
  # does not serve, so the lock cannot name them. `npm install` skips missing optional packages.
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
