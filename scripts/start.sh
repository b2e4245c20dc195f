#!/usr/bin/env bash
# Installs and starts Guildhall on its embedded defaults (SQLite under ./data, port 3000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install.sh
exec npm start
