import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { ScorecardStore } from '../../database/ScorecardStore';
import {
  QUEUE_PRIORITY,
  type ScanQueueStore,
} from '../../database/ScanQueueStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { drainQueue } from './drainQueue';

jest.setTimeout(60_000);

const refs = Array.from(
  { length: 40 },
  (_, i) => `component:default/service-${String(i).padStart(2, '0')}`,
);

describe('the scan queue shared by replicas', () => {
  const databases = createTestDatabases();

  /** Two stores over one database, as two replicas have. */
  async function twoReplicas(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, a: store.queue, b: ScorecardStore.fromClient(knex).queue };
  }

  const at = (ms: number) => new Date(Date.UTC(2026, 11, 1) + ms);

  it.each(databases.eachSupportedId())(
    'never hands one entity to two replicas claiming at once on %p',
    async databaseId => {
      const { a, b } = await twoReplicas(databaseId);
      await a.sweep(1, refs, at(0));

      const claimed: string[][] = [[], []];
      const claimAll = async (queue: ScanQueueStore, i: number) => {
        for (;;) {
          const items = await queue.claim(`replica-${i}`, 3, at(1), at(60_000));
          if (items.length === 0) return;
          claimed[i].push(...items.map(item => item.entityRef));
        }
      };
      await Promise.all([claimAll(a, 0), claimAll(b, 1)]);

      const all = [...claimed[0], ...claimed[1]];
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(refs);
      // Both took part (on SQLite the transactions take turns; on PostgreSQL they skip locks).
      expect(claimed[0].length).toBeGreaterThan(0);
      expect(claimed[1].length).toBeGreaterThan(0);
    },
  );

  it.each(databases.eachSupportedId())(
    "gives a dead replica's expired claims to another, and ignores the dead one's late completion on %p",
    async databaseId => {
      const { a, b } = await twoReplicas(databaseId);
      await a.sweep(1, refs.slice(0, 2), at(0));
      const dead = await a.claim('dead', 10, at(1), at(30_000));
      expect(dead).toHaveLength(2);

      // Before the claims expire nothing is claimable; after, the live replica takes both.
      expect(await b.claim('live', 10, at(29_000), at(90_000))).toEqual([]);
      const taken = await b.claim('live', 10, at(30_001), at(90_000));
      expect(taken.map(item => item.entityRef)).toEqual(refs.slice(0, 2));

      // The dead replica wakes up: its claim is gone, its completion changes nothing.
      await a.complete(
        'dead',
        dead[0],
        { outcome: 'failed', files: 0, findings: 0 },
        at(31_000),
      );
      expect(await a.stateOf(refs[0])).toMatchObject({
        due: true,
        claimed: true,
      });
      for (const item of taken) {
        await b.complete(
          'live',
          item,
          { outcome: 'analysed', files: 2, findings: 3 },
          at(32_000),
        );
      }
      expect(await a.pendingOf(1)).toBe(0);
      expect(await a.totalsOf(1)).toEqual({
        entities: 2,
        unchanged: 0,
        files: 4,
        findings: 6,
        errors: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'claims pushes and rescans ahead of the sweep, and keeps a request made during a scan on %p',
    async databaseId => {
      const { a } = await twoReplicas(databaseId);
      await a.sweep(1, refs.slice(0, 10), at(0));
      await a.enqueue([refs[7]], { priority: QUEUE_PRIORITY.push, at: at(5) });
      await a.enqueue([refs[9]], {
        priority: QUEUE_PRIORITY.rescan,
        force: true,
        at: at(6),
      });

      const first = await a.claim('r', 3, at(10), at(60_000));
      expect(first.map(item => [item.entityRef, item.force])).toEqual([
        [refs[9], true],
        [refs[7], false],
        [refs[0], false],
      ]);

      // A push arrives while refs[7] is being scanned: it stays due after this scan ends.
      await a.enqueue([refs[7]], { priority: QUEUE_PRIORITY.push, at: at(20) });
      for (const item of first) {
        await a.complete(
          'r',
          item,
          { outcome: 'unchanged', files: 0, findings: 0 },
          at(30),
        );
      }
      expect(await a.stateOf(refs[7])).toMatchObject({
        due: true,
        claimed: false,
      });
      expect(await a.stateOf(refs[9])).toMatchObject({
        due: false,
        claimed: false,
        outcome: 'unchanged',
      });
      const [next] = await a.claim('r', 1, at(40), at(60_000));
      expect(next.entityRef).toBe(refs[7]);
    },
  );

  it.each(databases.eachSupportedId())(
    'drains the queue on two replicas at once, each entity scanned once, and forgets entities a sweep no longer lists on %p',
    async databaseId => {
      const { a, b } = await twoReplicas(databaseId);
      await a.sweep(1, refs, at(0));
      const scans = new Map<string, string>();
      const drain = (queue: ScanQueueStore, claimant: string) =>
        drainQueue<string>({
          queue,
          claimant,
          concurrency: 4,
          claimTtlMs: 60_000,
          now: () => at(1_000),
          resolve: async list => new Map(list.map(ref => [ref, ref])),
          scan: async item => {
            expect(scans.has(item.entityRef)).toBe(false);
            scans.set(item.entityRef, claimant);
            await new Promise(resolve => setTimeout(resolve, 5));
            return { outcome: 'analysed', files: 1, findings: 1 };
          },
        });

      const [byA, byB] = await Promise.all([drain(a, 'a'), drain(b, 'b')]);

      expect(byA + byB).toBe(refs.length);
      expect([...scans.keys()].sort()).toEqual(refs);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
      expect(await a.pendingOf(1)).toBe(0);
      expect(await a.totalsOf(1)).toMatchObject({ entities: 40, files: 40 });

      await a.sweep(2, refs.slice(0, 5), at(2_000));
      expect((await a.listEntityRefs()).sort()).toEqual(refs.slice(0, 5));
      expect(await a.pendingOf(2)).toBe(5);
      // An empty catalog answer is a hiccup, not the truth: nothing is forgotten.
      await a.sweep(3, [], at(3_000));
      expect(await a.listEntityRefs()).toHaveLength(5);
    },
  );
});
