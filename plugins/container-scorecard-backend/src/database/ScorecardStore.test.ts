import { mockServices } from '@backstage/backend-test-utils';
import { ScorecardStore } from './ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

describe('ScorecardStore', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'migrates and answers on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });

      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.listTables()).toEqual(['container_scorecard_scans']);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the schema alone when migrations are skipped on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({
          knex,
          migrations: { skip: true },
        }),
      });

      expect(await store.listTables()).toEqual([]);
    },
  );
});
