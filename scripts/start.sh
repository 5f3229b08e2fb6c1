#!/usr/bin/env bash
# Starts the demo portal: app on http://localhost:3000, backend on http://localhost:7007,
# SQLite in .demo-data/ (kept across restarts; delete it to start afresh), guest sign-in and the
# demo catalog from examples/, with 90 days of history seeded from examples/history on first start.
set -euo pipefail
"$(dirname "$0")/install.sh"
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root"
exec npx backstage-cli repo start
