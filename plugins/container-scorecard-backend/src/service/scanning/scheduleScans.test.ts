import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { ScorecardStore } from '../../database/ScorecardStore';
import { EXAMPLES_DIR, loadDemoCatalog } from '../../__testUtils__/demoCatalog';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createRepositoryReader } from '../reading/createRepositoryReader';
import { scheduleScans } from './scheduleScans';
import { ScanService } from './ScanService';

jest.setTimeout(60_000);

describe('scheduleScans', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'registers a global task whose first run waits for the catalog to ingest on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      // The catalog is empty for its first two answers, as right after start-up.
      const demo = loadDemoCatalog();
      let calls = 0;
      const catalog = catalogServiceMock.mock({
        getEntities: async request => {
          calls += 1;
          if (calls <= 2) return { items: [] };
          return catalogServiceMock({ entities: demo }).getEntities(request, {
            credentials: await mockServices.auth().getOwnServiceCredentials(),
          });
        },
      });
      const scanService = new ScanService({
        store,
        engine: await createNodeScorecardEngine(),
        reader: createRepositoryReader({
          urlReader: mockServices.urlReader.mock(),
          localRoots: [EXAMPLES_DIR],
          maxFileBytes: 1024 * 1024,
          retry: { attempts: 0, baseDelayMs: 1 },
        }),
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        options: {
          filter: { kind: 'Component' },
          concurrency: 4,
          entityTimeoutMs: 10_000,
          retentionDays: 400,
          maxFileBytes: 1024 * 1024,
        },
      });
      const scheduler = mockServices.scheduler.mock();

      await scheduleScans({
        scheduler,
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
        scanService,
        scanWorker: scanService,
        logger: mockServices.logger.mock(),
        emptyCatalogWaitMs: 10,
      });

      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'container-scorecard-scan',
          scope: 'global',
          frequency: { minutes: 30 },
        }),
      );
      // Every replica runs a worker of its own on the shared queue.
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'container-scorecard-scan-worker',
          scope: 'local',
        }),
      );
      const task = scheduler.scheduleTask.mock.calls[0][0];
      await task.fn(new AbortController().signal);

      expect(calls).toBe(3);
      expect(await store.lastRun()).toMatchObject({ entities: 16, errors: 0 });
      expect(
        (await store.getEntitySummary('component:default/checkout-api'))!
          .status,
      ).toBe('analysed');
    },
  );
});
