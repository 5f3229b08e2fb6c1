#!/usr/bin/env bash
# Builds and packs the four publishable packages into a temporary folder and checks every tarball:
# no sources, tests, fixtures, benchmarks or dev setup; dist with JavaScript and bundled types,
# the config schema and migrations where the package has them; every import of the built code
# declared (scripts/packaging/inspectTarball.js). Then runs the built code from the tarballs
# (scripts/packaging/runBuiltPackages.js): analysis workers, the CLI bin, the backend's
# migrations. Prints each tarball's name, size and file count.
#
#   scripts/check-packs.sh [--keep <dir>] [--skip-tsc]
#     --keep <dir>  copy the four tarballs into <dir> (e.g. for scripts/verify-install.sh)
#     --skip-tsc    reuse dist-types/ from a `tsc --noEmit false` that just ran (scripts/test.sh's
#                   type-check step); the root tsc is most of this script's time
#
# The packages are packed with the CLI's own production pack written to the temporary folder
# (scripts/packaging/productionPack.js) and `npm pack --ignore-scripts` there, never with
# `npm pack` in the checkout: prepack rewrites package.json in place, which would race with
# anyone editing or packing the same checkout.
set -euo pipefail
scripts_dir="$(cd "$(dirname "$0")" && pwd)"
source "$scripts_dir/toolchain.sh" >/dev/null
cd "$repo_root"

keep_dir=""
run_tsc=1
while [ $# -gt 0 ]; do
  case "$1" in
    --keep)
      keep_dir="$(mkdir -p "${2:?--keep needs a folder}" && cd "$2" && pwd)"
      shift 2
      ;;
    --skip-tsc)
      run_tsc=0
      shift
      ;;
    *)
      echo "check-packs: unknown argument $1 (see the usage at the top of $0)" >&2
      exit 2
      ;;
  esac
done

packages=(
  "plugins/container-scorecard-common"
  "plugins/container-scorecard-node"
  "plugins/container-scorecard-backend"
  "plugins/container-scorecard"
)

# Builds write to each package's dist/ (cleaning it first): two runs at once in one checkout
# (scripts/verify-install.sh calls this script too) would delete each other's output mid-pack.
exec 9>"${TMPDIR:-/tmp}/container-scorecard-check-packs.lock"
if ! flock -n 9; then
  echo "check-packs: waiting for another check-packs run in this machine to finish"
  flock 9
fi

# The checks themselves first: a check that stopped catching what it should must not pass
# every tarball.
node "$scripts_dir/packaging/inspectTarball.selftest.js"

work_dir="$(mktemp -d -t check-packs.XXXXXX)"
trap 'rm -rf "$work_dir"' EXIT
started=$SECONDS

# The builds bundle dist/*.d.ts from the declarations the repository's tsc writes to dist-types/.
if [ "$run_tsc" -eq 1 ]; then
  echo "check-packs: type declarations (tsc at the repository root)"
  # tsc writes declarations even when it finds type errors; those are the type-check step's to
  # report, and a package whose declarations are missing fails its build below.
  npx tsc --noEmit false --pretty false >"$work_dir/tsc.log" 2>&1 ||
    echo "check-packs: warning: tsc reported type errors ($(grep -c 'error TS' "$work_dir/tsc.log") errors); packing with the declarations it wrote"
fi

for dir in "${packages[@]}"; do
  echo "check-packs: building $dir"
  (cd "$dir" && npx backstage-cli package build)
done

names=()
for dir in "${packages[@]}"; do
  names+=("$(node -p "require('./$dir/package.json').name")")
done
echo "check-packs: production pack into $work_dir/workspace"
mkdir -p "$work_dir/workspace" "$work_dir/tarballs"
node "$scripts_dir/packaging/productionPack.js" "$work_dir/workspace" "${names[@]}"

echo
failed=0
for dir in "${packages[@]}"; do
  tarball="$(cd "$work_dir/workspace/$dir" &&
    npm pack --ignore-scripts --silent --pack-destination "$work_dir/tarballs")"
  node "$scripts_dir/packaging/inspectTarball.js" "$work_dir/tarballs/$tarball" \
    "$repo_root/$dir" "$work_dir/extracted/$tarball" || failed=1
done
[ "$failed" -eq 0 ] || {
  echo "check-packs: FAILED (see the problems above)"
  exit 1
}

echo
node "$scripts_dir/packaging/runBuiltPackages.js" "$work_dir" "${packages[@]}"

if [ -n "$keep_dir" ]; then
  cp "$work_dir"/tarballs/*.tgz "$keep_dir/"
  echo "check-packs: tarballs kept in $keep_dir"
fi
echo "check-packs: passed in $((SECONDS - started))s"
