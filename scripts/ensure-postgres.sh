# shellcheck shell=bash
# Sourced by the test scripts: makes sure the machine's PostgreSQL answers on 127.0.0.1:5432 and
# points Backstage's TestDatabases at it. There is no Docker engine here, so TestDatabases must
# use this real server, and a suite that cannot reach it must fail rather than skip.

pg_host=127.0.0.1
pg_port=5432

if ! pg_isready -q -h "$pg_host" -p "$pg_port" 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "postgres: not running; starting the machine's cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h "$pg_host" -p "$pg_port" && break
    sleep 1
  done
fi
if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
  echo "postgres: nothing answers on $pg_host:$pg_port; the PostgreSQL tests cannot run" >&2
  exit 1
fi

pg_major="$(psql -h "$pg_host" -p "$pg_port" -U postgres -tAc 'show server_version_num' | cut -c1-2)"
pg_var="BACKSTAGE_TEST_DATABASE_POSTGRES${pg_major}_CONNECTION_STRING"
export "$pg_var=${!pg_var:-postgresql://postgres@$pg_host:$pg_port}"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# Read by our test helpers: without it a missing PostgreSQL is a failure, never a skip.
export CONTAINER_SCORECARD_TEST_POSTGRES_ID="POSTGRES_${pg_major}"
echo "postgres: tests use PostgreSQL $pg_major on $pg_host:$pg_port ($pg_var)"
