#!/usr/bin/env bash
# The demo's image registry: Debian's docker-registry on 127.0.0.1:5050 (app-config.yaml's
# containerScorecard.images and the example services' container-scorecard.io/images annotations
# name it), storing under .demo-data/registry/, seeded with the images behind the example services
# (plugins/container-scorecard-node/src/images/demo/demoImages.ts).
#
# Idempotent: a registry already answering on that address is reused, and images whose tags are
# there already are left alone, so digests and ages survive restarts. Run by `npm start`
# (prestart), scripts/start.sh and the end-to-end tests' backend. The registry keeps running in
# the background; stop it with `kill -9 "$(cat .demo-data/registry/registry.pid)"`, and delete
# .demo-data/registry/ to seed afresh.
set -euo pipefail
scripts_dir="$(cd "$(dirname "$0")" && pwd)"
source "$scripts_dir/toolchain.sh" >/dev/null
source "$scripts_dir/ensure-registry.sh"

address=127.0.0.1:5050
storage_dir="$repo_root/.demo-data/registry"

is_registry() {
  # A distribution registry answers /v2/ with this header; anything else on the port is not ours.
  curl -fsS -o /dev/null -D - "http://$address/v2/" 2>/dev/null |
    grep -qi '^docker-distribution-api-version: registry/2.0'
}

if is_registry; then
  echo "registry: reusing the demo registry on http://$address"
else
  if ss -ltn 2>/dev/null | grep -q " $address "; then
    echo "registry: $address is taken by something that is not a registry; the demo needs it" >&2
    exit 1
  fi
  start_registry "$storage_dir" "$address"
  echo "$REGISTRY_PID" >"$storage_dir/registry.pid"
fi

node "$scripts_dir/seed-demo-registry.js" "http://$address" "$address"
