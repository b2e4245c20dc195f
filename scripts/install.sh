#!/usr/bin/env bash
# Installs what Guildhall needs on a fresh machine: Node 24 (when the machine's is older) and the npm
# dependencies. Meant to be sourced by start.sh and test.sh so the PATH change carries over.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=use-node24.sh
source scripts/use-node24.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install --no-save` rather than `npm ci`: it keeps what is already installed (ci starts from
  # nothing). The lock names chdb's per-platform packages that the registry here does not serve, so
  # `npm ci` (as in docker/Dockerfile) accepts it too; either skips the other platforms' packages.
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
