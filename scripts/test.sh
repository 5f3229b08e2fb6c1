#!/usr/bin/env bash
# Runs every test: lint, type-check, unit and integration (SQLite and the real PostgreSQL),
# and the end-to-end browser tests in Debian's Chromium. Exits non-zero if any step fails.
set -uo pipefail
scripts_dir="$(cd "$(dirname "$0")" && pwd)"
"$scripts_dir/install.sh" || exit 1
source "$scripts_dir/toolchain.sh"
source "$scripts_dir/ensure-postgres.sh"
source "$scripts_dir/ensure-chromium.sh"
source "$scripts_dir/ensure-registry.sh"
cd "$repo_root"

logs_dir="$(mktemp -d)"
passed=()
failed=()

run_step() {
  local name="$1"
  shift
  echo
  echo "=== $name: $*"
  local started=$SECONDS
  if "$@" 2>&1 | tee "$logs_dir/$name.log"; then
    passed+=("$name")
    echo "=== $name passed in $((SECONDS - started))s"
  else
    failed+=("$name")
    echo "=== $name FAILED after $((SECONDS - started))s"
  fi
}

# The database suites name their database id in every test title; this proves from jest's own
# output which ids ran, so a PostgreSQL suite that silently skipped fails the run.
check_database_ids() {
  local log="$logs_dir/unit-and-integration.log"
  local ids
  ids="$(grep -oE '✓ .*\b(SQLITE_3|POSTGRES_[0-9]+)\b' "$log" | grep -oE '\b(SQLITE_3|POSTGRES_[0-9]+)\b' | sort | uniq -c)"
  echo "database ids that ran (tests per id):"
  echo "${ids:-  none}"
  grep -q "SQLITE_3" <<<"$ids" && grep -q "$CONTAINER_SCORECARD_TEST_POSTGRES_ID" <<<"$ids"
}

run_step prettier npx prettier --check .
run_step lint npx backstage-cli repo lint
run_step type-check npx tsc --noEmit false
# CI=true even when run by hand: without it, backstage-cli turns `repo test` into jest's watch
# mode, which runs only what changed since the last commit and then waits for edits forever.
run_step unit-and-integration env CI=true npx backstage-cli repo test --ci --verbose
run_step database-ids check_database_ids
# Builds, packs and checks the four publishable packages; reuses the type-check step's dist-types.
run_step pack-check scripts/check-packs.sh --skip-tsc
run_step end-to-end npx playwright test
# The packed plugins in a fresh create-app app, installed as their READMEs say (a few minutes on
# a warm cache; the first run fills ~/.cache/container-scorecard-verify-install).
run_step verify-install bash scripts/verify-install.sh --skip-tsc

echo
echo "passed steps: ${passed[*]:-none}"
echo "failed steps: ${failed[*]:-none}"
echo "checks: ${#passed[@]} passed, ${#failed[@]} failed"
[ "${#failed[@]}" -eq 0 ]
