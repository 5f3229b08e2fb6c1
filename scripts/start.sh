#!/usr/bin/env bash
# Starts the demo portal: app on http://localhost:3000, backend on http://localhost:7007,
# SQLite in .demo-data/ (kept across restarts; delete it to start afresh), guest sign-in and the
# demo catalog from examples/, with 90 days of history seeded from examples/history on first start,
# and the example services' images in a local registry on 127.0.0.1:5050 (scripts/demo-registry.sh).
set -euo pipefail
"$(dirname "$0")/install.sh"
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root"
# The image registry behind the example services (image findings), started or reused.
scripts/demo-registry.sh
exec npx backstage-cli repo start
