# shellcheck shell=bash
# Sourced by the test and demo scripts: the image-inspection tests and the demo read images from a
# real OCI registry, Debian's docker-registry package (the CNCF distribution registry). There is no
# Docker engine here, so the tests push their images to it through its HTTP API.
#
# Sourcing installs the package with apt-get when it is missing and defines:
#   start_registry <storage-dir> [address]
#                                 starts a registry on a free loopback port (or on the given
#                                 address, such as 127.0.0.1:5050 for the demo), storing under the
#                                 given directory; sets REGISTRY_PID and REGISTRY_HOST (127.0.0.1:N)
#                                 once /v2/ answers. The caller must `kill -9 "$REGISTRY_PID"`.
# The tests start their own registries from Node (src/images/testing), which only need the binary.

registry_bin=/usr/bin/docker-registry

if [ ! -x "$registry_bin" ]; then
  echo "registry: installing Debian's docker-registry package"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # The package's service is not wanted (tests start their own instances on free ports).
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    docker-registry >/dev/null
fi
export CONTAINER_SCORECARD_REGISTRY_BIN="$registry_bin"
echo "registry: $("$registry_bin" --version 2>/dev/null)"

start_registry() {
  local storage_dir="$1"
  # Port 0 by default: the kernel picks a free port, which the registry logs; no race with a port
  # probe.
  local address="${2:-127.0.0.1:0}"
  mkdir -p "$storage_dir/data"
  cat >"$storage_dir/config.yml" <<EOF
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $storage_dir/data
  delete:
    enabled: true
http:
  addr: $address
EOF
  "$registry_bin" serve "$storage_dir/config.yml" >"$storage_dir/registry.log" 2>&1 &
  REGISTRY_PID=$!
  REGISTRY_HOST=""
  for _ in $(seq 1 100); do
    # `|| true`: no match yet is not an error for callers running with `set -e`.
    REGISTRY_HOST="$(grep -oE 'listening on 127\.0\.0\.1:[0-9]+' "$storage_dir/registry.log" | head -1 | cut -d' ' -f3 || true)"
    if [ -n "$REGISTRY_HOST" ] && curl -fsS -o /dev/null "http://$REGISTRY_HOST/v2/"; then
      echo "registry: answering on http://$REGISTRY_HOST (pid $REGISTRY_PID)"
      return 0
    fi
    sleep 0.1
  done
  echo "registry: did not answer within 10s; log follows" >&2
  cat "$storage_dir/registry.log" >&2
  kill -9 "$REGISTRY_PID" 2>/dev/null
  return 1
}
