#!/usr/bin/env bash
# Installs the workspace's dependencies exactly as the lockfile pins them, with the right Node.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root"

# A stamp of the lockfile and Node version the last successful install used; a match means
# node_modules is current and the five-minute `npm ci` can be skipped.
stamp_file=node_modules/.container-scorecard-install-stamp
wanted_stamp="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$wanted_stamp" ]; then
  echo "install: node_modules matches package-lock.json"
else
  echo "install: npm ci (about 5 minutes on a fresh machine)"
  npm ci --no-audit --no-fund
  echo "$wanted_stamp" >"$stamp_file"
fi
