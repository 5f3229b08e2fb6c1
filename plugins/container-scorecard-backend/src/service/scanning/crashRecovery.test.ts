import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { sourcedComponent } from '../../__testUtils__/scanReplicas';
import type { RepositoryReader } from '../reading/createRepositoryReader';
import { ScanService } from './ScanService';

jest.setTimeout(60_000);

const entities = ['one', 'two', 'three', 'four'].map(sourcedComponent);

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

  /** Aborts the signal while the second entity is being read, as the task's timeout would. */
  function abortingAtSecondRead(reads: string[]) {
    const controller = new AbortController();
    const reader = fakeReader(target => {
      reads.push(target.split('/').at(-2)!);
      if (reads.length === 2) controller.abort();
    });
    return { controller, reader };
  }

  it.each(databases.eachSupportedId())(
    'stops claiming entities at the task timeout, and the scan worker carries the run on to its end on %p',
    async databaseId => {
      const reads: string[] = [];
      const { controller, reader } = abortingAtSecondRead(reads);
      const { store, scanService } = await setup(databaseId, reader);

      const first = await scanService.scanAll(undefined, controller.signal);

      // Never-scanned entities in ref order; the rest stay due in the queue.
      expect(reads).toEqual(['four', 'one']);
      expect(first).toMatchObject({
        id: expect.any(Number),
        outcome: 'running',
      });
      expect(await store.lastRun()).toBeUndefined();
      expect(await store.listEntityRefs()).toHaveLength(2);

      // Any replica's scheduled worker (here this one's) takes the rest and ends the run.
      await scanService.work();
      expect(reads).toEqual(['four', 'one', 'three', 'two']);
      expect(await store.lastRun()).toMatchObject({
        id: first.id,
        outcome: 'completed',
        entities: 4,
        errors: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'aborts a run the next one overtook, and takes the entities it did not reach first on %p',
    async databaseId => {
      const reads: string[] = [];
      const { controller, reader } = abortingAtSecondRead(reads);
      const { knex, scanService } = await setup(databaseId, reader);

      const first = await scanService.scanAll(undefined, controller.signal);
      expect(reads).toEqual(['four', 'one']);

      reads.length = 0;
      const second = await scanService.scanAll();
      expect(second).toMatchObject({ outcome: 'completed', entities: 4 });
      // Those the first run did not reach, then the least recently scanned.
      expect(reads).toEqual(['three', 'two', 'four', 'one']);
      const runs = await knex('container_scorecard_runs');
      expect(runs.find((r: any) => Number(r.id) === first.id)).toMatchObject({
        outcome: 'aborted',
        outcome_reason: expect.stringMatching(/2 entities of this one/),
      });
    },
  );
});
