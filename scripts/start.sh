#!/usr/bin/env bash
# Starts the demo portal: app on http://localhost:3000, backend on http://localhost:7007,
# embedded SQLite, guest sign-in and the demo catalog from examples/.
set -euo pipefail
"$(dirname "$0")/install.sh"
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root"
exec npx backstage-cli repo start
