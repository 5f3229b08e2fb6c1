import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createNodeScorecardEngine } from '@internal/plugin-container-scorecard-node';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import type { RepositoryReader } from '../reading/createRepositoryReader';
import { ScanService } from './ScanService';

jest.setTimeout(60_000);

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/source-location': `url:https://example.com/acme/${name}/`,
      },
    },
    spec: { owner: 'team-a', type: 'service' },
  };
}

const entities = ['one', 'two', 'three', 'four'].map(component);

/** Every repository holds one Dockerfile; `onRead` sees each read as it happens. */
function fakeReader(onRead: (target: string) => void = () => {}) {
  const reader: RepositoryReader = {
    async read(source) {
      onRead(source.target);
      return {
        etag: 'v1',
        files: [
          { path: 'Dockerfile', content: 'FROM alpine:3.20\nUSER app\n' },
        ],
        oversized: [],
      };
    },
  };
  return reader;
}

describe('scan runs after a crash or a timeout', () => {
  const databases = createTestDatabases();

  async function setup(databaseId: TestDatabaseId, reader: RepositoryReader) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const scanService = new ScanService({
      store,
      engine: await createNodeScorecardEngine(),
      reader,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      options: {
        filter: { kind: 'Component' },
        concurrency: 1,
        entityTimeoutMs: 10_000,
        retentionDays: 400,
        maxFileBytes: 1024 * 1024,
      },
    });
    return { knex, store, scanService };
  }

  it.each(databases.eachSupportedId())(
    'marks a run a killed process left unfinished as aborted when the next run starts on %p',
    async databaseId => {
      const { knex, store, scanService } = await setup(
        databaseId,
        fakeReader(),
      );
      // A process started this run, then died: no finish, no outcome.
      const killed = await store.startRun(new Date(Date.now() - 60_000));
      expect((await store.latestRun())?.outcome).toBe('running');

      const run = await scanService.scanAll();

      expect(run).toMatchObject({ outcome: 'completed', entities: 4 });
      expect(await store.latestRun()).toMatchObject({
        id: run.id,
        outcome: 'completed',
      });
      const runs = await knex('container_scorecard_runs');
      expect(runs.find((r: any) => Number(r.id) === killed)).toMatchObject({
        outcome: 'aborted',
        outcome_reason: expect.stringMatching(/process stopped/),
      });
      expect(runs.every((r: any) => r.finished_at !== null)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'stops starting entities at the task timeout, and the next run takes the ones it did not reach first on %p',
    async databaseId => {
      const controller = new AbortController();
      const reads: string[] = [];
      const { store, scanService } = await setup(
        databaseId,
        fakeReader(target => {
          reads.push(target.split('/').at(-2)!);
          // The task's timeout fires while the second entity is being read.
          if (reads.length === 2) controller.abort();
        }),
      );

      const first = await scanService.scanAll(undefined, controller.signal);

      expect(reads).toEqual(['one', 'two']);
      expect(first).toMatchObject({
        outcome: 'aborted',
        outcomeReason: expect.stringMatching(/timeout.*2 entities/),
      });
      expect(await store.lastRun()).toMatchObject({ outcome: 'aborted' });
      expect(await store.listEntityRefs()).toHaveLength(2);

      reads.length = 0;
      const second = await scanService.scanAll();
      expect(second.outcome).toBe('completed');
      // Never-scanned entities first, then the least recently attempted.
      expect(reads).toEqual(['three', 'four', 'one', 'two']);
    },
  );
});
