#!/usr/bin/env bash
# Proves the package READMEs in a stock Backstage app (issue 14): packs the four packages, creates
# a fresh app with the create-app of the release in backstage.json, installs the tarballs there
# the way the READMEs say (nothing else from this repository), starts it against examples/, and
# checks in Debian's Chromium that the entity card, the entity tab and the report show real
# scores. Everything lives in a temporary folder, removed at the end; only the package caches
# under ~/.cache/container-scorecard-verify-install (and npm's own cache) stay, so a rerun takes a
# few minutes. Fails on the first step that does not work, naming it.
#
#   bash scripts/verify-install.sh [--skip-tsc]
#     --skip-tsc  reuse dist-types/ from a `tsc --noEmit false` that just ran (scripts/test.sh)
#   KEEP_VERIFY_INSTALL=1 keeps the temporary folder (the app, its logs, the tarballs).
set -euo pipefail
check_packs_args=()
case "${1:-}" in
  --skip-tsc) check_packs_args+=(--skip-tsc) ;;
  "") ;;
  *)
    echo "usage: $0 [--skip-tsc]" >&2
    exit 2
    ;;
esac
scripts_dir="$(cd "$(dirname "$0")" && pwd)"
source "$scripts_dir/toolchain.sh"
source "$scripts_dir/ensure-chromium.sh"
cd "$repo_root"

# create-app 0.9.2 is the one of Backstage 1.55.0: its dist/package.json.cjs.js (the release it
# writes into the new app's backstage.json) says 1.55.0, as 0.9.1 says 1.54.0 and 0.9.0 1.53.0.
# The app it made is checked against backstage.json below, so a Backstage upgrade of this
# repository fails here until this line follows it.
create_app_version=0.9.2
app_port=3100
backend_port=7107
packages=(
  plugins/container-scorecard-common
  plugins/container-scorecard-node
  plugins/container-scorecard-backend
  plugins/container-scorecard
)
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/container-scorecard-verify-install"
work="$(mktemp -d "${TMPDIR:-/tmp}/verify-install.XXXXXX")"
app="$work/app"
packs="$work/packs"
started=$SECONDS
current_step="setting up"
app_pid=""
stock_app_pid=""

step() {
  current_step="$1"
  echo
  echo "--- verify-install [$((SECONDS - started))s]: $current_step"
}

cleanup() {
  local status=$?
  [ -z "$stock_app_pid" ] || kill -KILL -- "-$stock_app_pid" 2>/dev/null || true
  if [ -n "$app_pid" ]; then
    # `yarn start` runs the backend and the dev server as children: end the whole group.
    kill -TERM -- "-$app_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 -- "-$app_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$app_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo
    echo "verify-install FAILED after $((SECONDS - started))s at: $current_step" >&2
    if [ -f "$work/app.log" ]; then
      echo "last lines of the app's log:" >&2
      tail -n 40 "$work/app.log" >&2
    fi
  fi
  if [ "${KEEP_VERIFY_INSTALL:-}" = 1 ]; then
    echo "verify-install: kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Yarn: the template is a Yarn 4 project (packageManager, .yarn/releases in the app). Only the npm
# registry is reachable here, and corepack fetches Yarn from it when COREPACK_NPM_REGISTRY names
# it; yarn itself then resolves and fetches from the registry npm is configured with. create-app
# insists on a `yarn` command even with --skip-install, hence the shim.
registry="$(npm config get registry)"
registry="${registry%/}"
yarn_version="4.13.0"
mkdir -p "$work/bin" "$cache_dir"
cat >"$work/bin/yarn" <<EOF
#!/usr/bin/env bash
exec corepack yarn@$yarn_version "\$@"
EOF
chmod +x "$work/bin/yarn"
export PATH="$work/bin:$PATH"
export COREPACK_HOME="$cache_dir/corepack"
export COREPACK_NPM_REGISTRY="$registry"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export YARN_NPM_REGISTRY_SERVER="$registry"
# One package cache for every run (the app folder is new each time).
export YARN_ENABLE_GLOBAL_CACHE=true
export YARN_GLOBAL_FOLDER="$cache_dir/yarn"
export YARN_ENABLE_TELEMETRY=0
# CI=true makes Yarn refuse to write a lockfile; a fresh app has none yet.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
export YARN_ENABLE_PROGRESS_BARS=false

# The stock app is made and installed while the packages build and pack (the first is mostly
# waiting on the disk and the registry, the second on the processor).
make_stock_app() {
  set -euo pipefail
  echo "create-app $create_app_version (Backstage $(node -p "require('./backstage.json').version"))"
  (cd "$work" && BACKSTAGE_APP_NAME=verify-install-app \
    npx --yes "@backstage/create-app@$create_app_version" --path "$app" --skip-install)
  local app_release repo_release
  app_release="$(node -p "require('$app/backstage.json').version")"
  repo_release="$(node -p "require('./backstage.json').version")"
  if [ "$app_release" != "$repo_release" ]; then
    echo "create-app $create_app_version makes Backstage $app_release apps; this repository is on $repo_release: update create_app_version" >&2
    return 1
  fi
  # create-app's own table of the release's package versions (see add-packages.js).
  local create_app_tarball
  create_app_tarball="$(npm pack --silent --pack-destination "$work" "@backstage/create-app@$create_app_version")"
  mkdir -p "$work/create-app"
  tar -xzf "$work/$create_app_tarball" -C "$work/create-app" --strip-components=1
  APP="$app" CREATE_APP_DIR="$work/create-app" REPO_LOCKFILE="$PWD/package-lock.json" \
    node test/verify-install/add-packages.js stock-app
  echo "yarn install (the stock app)"
  (cd "$app" && yarn install)
}
step "create-app and yarn install of the stock app (in the background, log in $work/stock-app.log)"
command -v corepack >/dev/null || {
  echo "corepack is missing: it provides Yarn" >&2
  exit 1
}
# Its own process group, so cleanup can end yarn with it.
export work app create_app_version
setsid bash -c "$(declare -f make_stock_app); make_stock_app" >"$work/stock-app.log" 2>&1 </dev/null &
stock_app_pid=$!

# ---------------------------------------------------------------------------------------------
step "build and pack the four packages (scripts/check-packs.sh: tsc, backstage-cli package build, production pack, checks)"
# Packed in a folder of their own, never with `npm pack` in the checkout, whose prepack rewrites
# package.json in place while others may be editing it.
mkdir -p "$packs"
# Read whole before it runs (bash -c), so an edit of check-packs.sh in the middle of the run
# cannot make bash execute half of each version.
bash -c "$(cat "$scripts_dir/check-packs.sh")" "$scripts_dir/check-packs.sh" \
  --keep "$packs" "${check_packs_args[@]}"
declare -A tarball
for package in "${packages[@]}"; do
  name="$(node -p "require('./$package/package.json').name")"
  version="$(node -p "require('./$package/package.json').version")"
  file="$packs/$(echo "${name#@}" | tr / -)-$version.tgz"
  [ -f "$file" ] || {
    echo "check-packs.sh kept no $file" >&2
    exit 1
  }
  tarball[$name]="$file"
  echo "$name@$version: $(du -h "$file" | cut -f1)"
done
backend_package=@container-scorecard/plugin-container-scorecard-backend
frontend_package=@container-scorecard/plugin-container-scorecard
plugin_version="$(node -p "require('./plugins/container-scorecard/package.json').version")"

step "create-app and yarn install of the stock app (waiting for the background job)"
if ! wait "$stock_app_pid"; then
  tail -n 60 "$work/stock-app.log" >&2
  echo "making the stock app failed (above)" >&2
  exit 1
fi
stock_app_pid=""
grep -E '^(create-app|yarn install|➤ YN0000: · )' "$work/stock-app.log" || true

# ---------------------------------------------------------------------------------------------
step "README (backend, frontend): yarn --cwd packages/backend add $backend_package; yarn --cwd packages/app add $frontend_package"
# The packages are not on the registry: as `yarn add` would, the dependencies go into the two
# workspaces' package.json, and root resolutions point all four names (the plugins' own
# dependencies on -common and -node too) at the tarballs. One install instead of two.
TARBALLS="$(for name in "${!tarball[@]}"; do echo "$name=${tarball[$name]}"; done)" \
  APP="$app" BACKEND_PACKAGE="$backend_package" FRONTEND_PACKAGE="$frontend_package" \
  PLUGIN_VERSION="$plugin_version" node "$repo_root/test/verify-install/add-packages.js" plugins
step "yarn install in the app with the plugins"
(cd "$app" && yarn install)

step "better-sqlite3 for Node $(node --version) (compiled once, then from $cache_dir/prebuilt)"
# What the package's own install script does when prebuild-install cannot download a binary,
# with the result kept: node-gyp compiles sqlite3.c with -O3 in minutes on a busy machine.
sqlite_dir="$app/node_modules/better-sqlite3"
sqlite_version="$(node -p "require('$sqlite_dir/package.json').version")"
sqlite_key="better-sqlite3-$sqlite_version-abi$(node -p process.versions.modules)-$(node -p 'process.platform + "-" + process.arch')"
sqlite_binary="$cache_dir/prebuilt/$sqlite_key/better_sqlite3.node"
# The repository's own install compiled the same third-party module for the same Node; when the
# versions agree, that build seeds the cache (it is better-sqlite3's binary, not our code).
workspace_sqlite="$repo_root/node_modules/better-sqlite3"
if [ ! -f "$sqlite_binary" ] && [ -f "$workspace_sqlite/build/Release/better_sqlite3.node" ] &&
  [ "$(node -p "require('$workspace_sqlite/package.json').version")" = "$sqlite_version" ]; then
  mkdir -p "$(dirname "$sqlite_binary")"
  cp "$workspace_sqlite/build/Release/better_sqlite3.node" "$sqlite_binary"
fi
if [ ! -f "$sqlite_binary" ]; then
  (cd "$sqlite_dir" && "$app/node_modules/.bin/node-gyp" rebuild --release)
  mkdir -p "$(dirname "$sqlite_binary")"
  cp "$sqlite_dir/build/Release/better_sqlite3.node" "$sqlite_binary.partial"
  mv "$sqlite_binary.partial" "$sqlite_binary"
else
  mkdir -p "$sqlite_dir/build/Release"
  cp "$sqlite_binary" "$sqlite_dir/build/Release/better_sqlite3.node"
fi
(cd "$app/packages/backend" && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()")
echo "$sqlite_key works"

# The app gets the packages from the tarballs, not from this repository.
for name in "${!tarball[@]}"; do
  installed="$app/node_modules/$name"
  [ -d "$installed" ] && [ ! -L "$installed" ] && [ ! -d "$installed/src" ] || {
    echo "$name is not installed from its tarball in $installed" >&2
    exit 1
  }
done

step "README (backend, frontend): backend.add(import(...)) in packages/backend/src/index.ts; containerScorecardPlugin in createApp's features (new frontend system)"
APP="$app" BACKEND_PACKAGE="$backend_package" FRONTEND_PACKAGE="$frontend_package" \
  node "$repo_root/test/verify-install/edit-app.js"

step "README (configuration): catalog of examples/ and containerScorecard settings"
cp test/verify-install/app-config.verify-install.yaml "$app/app-config.local.yaml"
export VERIFY_INSTALL_EXAMPLES="$repo_root/examples"

# ---------------------------------------------------------------------------------------------
step "yarn start (backend on $backend_port, app on $app_port)"
for port in "$app_port" "$backend_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use" >&2
    exit 1
  fi
done
# Its own process group (setsid), so cleanup ends the dev server and the backend together.
(cd "$app" && exec setsid yarn start) >"$work/app.log" 2>&1 </dev/null &
app_pid=$!
wait_for() {
  local url="$1" what="$2" deadline=$((SECONDS + $3))
  until curl -fs -o /dev/null "$url"; do
    kill -0 "$app_pid" 2>/dev/null || {
      echo "yarn start ended before $what answered" >&2
      exit 1
    }
    [ "$SECONDS" -lt "$deadline" ] || {
      echo "$what did not answer at $url within $3 s" >&2
      exit 1
    }
    sleep 2
  done
  echo "$what answers at $url ($((SECONDS - started))s)"
}
wait_for "http://localhost:$backend_port/api/container-scorecard/health" "the backend" 300
wait_for "http://localhost:$app_port" "the app's dev server" 420

step "Playwright: entity card, entity tab and report show the scan of an example service"
export VERIFY_INSTALL_APP_URL="http://localhost:$app_port"
export VERIFY_INSTALL_BACKEND_URL="http://localhost:$backend_port"
export VERIFY_INSTALL_ARTIFACTS="$repo_root/artifacts/verify-install"
npx playwright test -c test/verify-install/playwright.config.ts

current_step="done"
echo
echo "verify-install passed in $((SECONDS - started))s"
