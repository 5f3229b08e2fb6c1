import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every store test runs on: SQLite always, and the PostgreSQL that
 * scripts/ensure-postgres.sh found on this machine.
 *
 * TestDatabases quietly leaves out a database it cannot reach. That is how a PostgreSQL suite
 * "passes" without running, so when the test scripts have named a PostgreSQL id we insist that
 * TestDatabases will really use it.
 */
export function createTestDatabases(): TestDatabases {
  const postgresId = process.env.CONTAINER_SCORECARD_TEST_POSTGRES_ID as
    | TestDatabaseId
    | undefined;
  const ids: TestDatabaseId[] = postgresId
    ? ['SQLITE_3', postgresId]
    : ['SQLITE_3'];
  const databases = TestDatabases.create({ ids });

  const supported = databases.eachSupportedId().map(([id]) => id);
  if (postgresId && !supported.includes(postgresId)) {
    throw new Error(
      `${postgresId} was requested but TestDatabases cannot reach it; ` +
        `set BACKSTAGE_TEST_DATABASE_${postgresId}_CONNECTION_STRING`,
    );
  }
  return databases;
}
