import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import type { ScorecardEngine } from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import {
  replicaScanService,
  repositoryOf,
  sourcedComponent,
} from '../../__testUtils__/scanReplicas';
import type { RepositoryReader } from '../reading/createRepositoryReader';

jest.setTimeout(90_000);

const names = Array.from({ length: 12 }, (_, i) => `service-${i}`);
const entities = names.map(sourcedComponent);

describe('scanning shared by replicas', () => {
  const databases = createTestDatabases();
  let engine: ScorecardEngine;
  beforeAll(async () => {
    engine = await createNodeScorecardEngine();
  });

  /** Replicas over one database; each read is recorded with the replica that made it. */
  async function replicas(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const reads: Array<{ replica: string; name: string }> = [];
    const replica = (id: string, now?: () => Date) => {
      const reader: RepositoryReader = {
        async read(source) {
          reads.push({ replica: id, name: repositoryOf(source) });
          await new Promise(resolve => setTimeout(resolve, 50));
          return {
            etag: 'v1',
            files: [
              { path: 'Dockerfile', content: 'FROM alpine:3.20\nUSER app\n' },
            ],
            oversized: [],
          };
        },
      };
      return replicaScanService({
        knex,
        engine,
        entities,
        reader,
        replicaId: id,
        now,
      });
    };
    return { store, reads, replica };
  }

  it.each(databases.eachSupportedId())(
    'lets every replica scan part of a sweep, each entity once, and ends the run once on %p',
    async databaseId => {
      const { store, reads, replica } = await replicas(databaseId);
      const a = replica('a');
      const b = replica('b');

      // Replica a starts the sweep; b's scheduled worker joins in.
      let swept = false;
      const sweep = a.scanAll().finally(() => {
        swept = true;
      });
      // Once the sweep has filled the queue (each read takes 50 ms: half is still due then).
      while (!swept && (await store.queue.status(new Date())).due < 6) {
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      await b.work();
      const run = await sweep;

      expect(reads.map(r => r.name).sort()).toEqual([...names].sort());
      expect(reads.some(r => r.replica === 'a')).toBe(true);
      expect(reads.some(r => r.replica === 'b')).toBe(true);
      expect(run).toMatchObject({
        outcome: 'completed',
        entities: 12,
        errors: 0,
      });
      expect(await store.lastRun()).toMatchObject({ id: run.id, entities: 12 });
      expect(await store.listEntityRefs()).toHaveLength(12);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives a stopping replica’s claims back at once, and it claims nothing more, on %p',
    async databaseId => {
      const { store, reads, replica } = await replicas(databaseId);
      const a = replica('a');
      const controller = new AbortController();
      controller.abort();
      await a.scanAll(undefined, controller.signal);
      const now = new Date();
      // What replica a holds when the backend shuts down.
      expect(
        await store.queue.claim('a', 3, now, new Date(now.getTime() + 60_000)),
      ).toHaveLength(3);

      await a.stop();
      await a.work();
      expect(reads).toHaveLength(0);
      await replica('b').work();
      expect(reads.filter(r => r.replica === 'b')).toHaveLength(12);
      expect(await store.lastRun()).toMatchObject({ entities: 12 });
    },
  );

  it.each(databases.eachSupportedId())(
    "scans a dead replica's entities once its claims lapse, and then ends the sweep, on %p",
    async databaseId => {
      const { store, reads, replica } = await replicas(databaseId);
      const controller = new AbortController();
      controller.abort(); // the sweep's replica claims nothing itself: only the queue is filled
      const started = await replica('a').scanAll(undefined, controller.signal);
      expect(started.outcome).toBe('running');
      // A replica claims three entities and dies with them.
      const now = Date.now();
      const held = await store.queue.claim(
        'dead',
        3,
        new Date(now),
        new Date(now + 60_000),
      );
      expect(held).toHaveLength(3);

      await replica('b').work();
      expect(reads).toHaveLength(9);
      expect(await store.latestRun()).toMatchObject({ outcome: 'running' });

      // A minute later the dead replica's claims have lapsed: a live one takes them.
      await replica('c', () => new Date(Date.now() + 61_000)).work();
      expect(reads).toHaveLength(12);
      expect(
        reads
          .filter(r => r.replica === 'c')
          .map(r => r.name)
          .sort(),
      ).toEqual(held.map(item => item.entityRef.split('/')[1]).sort());
      expect(await store.lastRun()).toMatchObject({
        id: started.id,
        outcome: 'completed',
        entities: 12,
      });
    },
  );
});
