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
import { QUEUE_PRIORITY } from '../../database/ScanQueueStore';

jest.setTimeout(90_000);

const names = Array.from({ length: 12 }, (_, i) => `service-${i}`);
const refOf = (name: string) => `component:default/${name}`;
const entities = names.map(sourcedComponent);

/**
 * The check in one scenario: pushes land while replicas share the queue, and a replica
 * dies holding some of them. Every pushed entity must end up scanned at its pushed commit, and
 * no entity may be read by two replicas at the same time.
 */
describe('pushes while a replica dies', () => {
  const databases = createTestDatabases();
  let engine: ScorecardEngine;
  beforeAll(async () => {
    engine = await createNodeScorecardEngine();
  });

  async function cluster(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    /** Each repository's head commit, which the reader answers with as its ETag. */
    const commits = new Map(names.map(name => [name, 'c1']));
    const inFlight = new Map<string, number>();
    const reads: Array<{ replica: string; name: string; commit: string }> = [];
    let overlaps = 0;
    const replica = (id: string, now?: () => Date) => {
      const reader: RepositoryReader = {
        async read(source) {
          const name = repositoryOf(source);
          const commit = commits.get(name)!;
          reads.push({ replica: id, name, commit });
          const reading = (inFlight.get(name) ?? 0) + 1;
          if (reading > 1) overlaps += 1;
          inFlight.set(name, reading);
          try {
            await new Promise(resolve => setTimeout(resolve, 30));
          } finally {
            inFlight.set(name, inFlight.get(name)! - 1);
          }
          return {
            etag: commit,
            files: [
              {
                path: 'Dockerfile',
                content: `FROM alpine:3.20\nLABEL commit=${commit}\nUSER app\n`,
              },
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
    return { store, commits, reads, replica, overlaps: () => overlaps };
  }

  it.each(databases.eachSupportedId())(
    'scans every pushed entity at its new commit, each by one replica at a time, on %p',
    async databaseId => {
      const { store, commits, reads, replica, overlaps } = await cluster(
        databaseId,
      );
      await replica('a').scanAll();
      expect(reads).toHaveLength(12);
      reads.length = 0;

      // Six repositories get a new commit; the push is enqueued as a receiving replica does.
      const pushed = names.slice(0, 6);
      for (const name of pushed) commits.set(name, 'c2');
      await store.queue.enqueue(pushed.map(refOf), {
        priority: QUEUE_PRIORITY.push,
        at: new Date(),
      });
      // A replica claims three of them and is killed: it never scans them nor renews its claims.
      const now = Date.now();
      const lost = await store.queue.claim(
        'killed',
        3,
        new Date(now),
        new Date(now + 60_000),
      );
      expect(lost).toHaveLength(3);

      // Two live replicas drain what is left at once; neither touches the dead one's claims.
      await Promise.all([replica('b').work(), replica('c').work()]);
      const lostNames = lost.map(item => item.entityRef.split('/')[1]);
      expect(reads.map(r => r.name).sort()).toEqual(
        pushed.filter(name => !lostNames.includes(name)).sort(),
      );

      // Once the dead replica's claims lapse, a live replica takes them over.
      await replica('b', () => new Date(Date.now() + 61_000)).work();
      expect(reads.map(r => r.name).sort()).toEqual([...pushed].sort());
      expect(reads.every(r => r.commit === 'c2')).toBe(true);
      for (const name of pushed) {
        expect((await store.getEntitySummary(refOf(name)))?.etag).toBe('c2');
      }
      for (const name of names.slice(6)) {
        expect((await store.getEntitySummary(refOf(name)))?.etag).toBe('c1');
      }
      expect(overlaps()).toBe(0);
      expect((await store.queue.status(new Date())).due).toBe(0);
    },
  );
});
