import { mockServices } from '@backstage/backend-test-utils';
import type {
  ApiFinding,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import type { EntityResultInput } from './types';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

function finding(overrides: Partial<ApiFinding> = {}): ApiFinding {
  return {
    ruleId: 'pin-base-image',
    pillar: 'immutable',
    severity: 'high',
    message: 'Pin the base image',
    path: 'Dockerfile',
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 12 } },
    snippet: 'FROM ubuntu',
    fix: {
      edits: [
        {
          range: {
            start: { line: 1, column: 6 },
            end: { line: 1, column: 12 },
          },
          newText: 'ubuntu:24.04',
        },
      ],
      preview: {
        hunks: [
          {
            oldStart: 1,
            newStart: 1,
            lines: [
              { kind: 'removed', text: 'FROM ubuntu' },
              { kind: 'added', text: 'FROM ubuntu:24.04' },
            ],
          },
        ],
      },
    },
    penalty: 20,
    ...overrides,
  };
}

function file(findings: ApiFinding[], score = 70): FileScorecard {
  return {
    path: 'Dockerfile',
    kind: 'dockerfile',
    status: 'analysed',
    score,
    grade: score >= 90 ? 'A' : 'C',
    pillarScores: { immutable: score },
    counts: { ...zero, high: findings.filter(f => !f.suppressed).length },
    findings,
  };
}

function result(overrides: Partial<EntityResultInput> = {}): EntityResultInput {
  const files = overrides.files ?? [file([finding()])];
  return {
    entityRef: 'component:default/checkout-api',
    title: 'Checkout API',
    owner: 'group:default/checkout',
    status: 'analysed',
    analysedAt: new Date('2026-11-20T10:00:00Z'),
    rulesetVersion: '1.0.0+abc',
    score: 70,
    grade: 'C',
    pillarScores: { immutable: 70 },
    counts: { ...zero, high: 1 },
    worstRule: { ruleId: 'pin-base-image', severity: 'high', count: 1 },
    files,
    sourceKey: 'url:https://github.com/acme/checkout',
    etag: 'sha-1',
    ...overrides,
  };
}

/** Each stored entity with its owner, from the cached whole-store read. */
async function ownersOf(store: ScorecardStore) {
  return (await store.listSummaries()).map(s => ({
    entityRef: s.entityRef,
    owner: s.owner,
  }));
}

describe('ScorecardStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'migrates and answers on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);

      await expect(store.ping()).resolves.toBeUndefined();
      expect((await store.listTables()).sort()).toEqual([
        'container_scorecard_daily_totals',
        'container_scorecard_entities',
        'container_scorecard_files',
        'container_scorecard_findings',
        'container_scorecard_images',
        'container_scorecard_runs',
        'container_scorecard_scans',
        'container_scorecard_snapshots',
      ]);
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

  it.each(databases.eachSupportedId())(
    'stores a result with its files, findings, fixes and suppressions on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const suppressed = finding({
        ruleId: 'no-root-user',
        pillar: 'least-privilege',
        suppressed: { source: 'inline', reason: 'legacy', until: '2027-01-01' },
        penalty: 0,
      });
      await store.saveResult(
        result({ files: [file([finding(), suppressed])] }),
      );

      const summary = await store.getEntitySummary(
        'component:default/checkout-api',
      );
      expect(summary).toMatchObject({
        status: 'analysed',
        score: 70,
        grade: 'C',
        owner: 'group:default/checkout',
        counts: { ...zero, high: 1 },
        worstRule: { ruleId: 'pin-base-image', severity: 'high', count: 1 },
        etag: 'sha-1',
        analysedAt: '2026-11-20T10:00:00.000Z',
      });
      const files = await store.getEntityFiles(
        'component:default/checkout-api',
      );
      expect(files).toEqual([
        { ...file([finding(), suppressed]), findingsTotal: 2 },
      ]);
      expect(await store.history.failingRules()).toEqual([
        {
          ruleId: 'pin-base-image',
          pillar: 'immutable',
          severity: 'high',
          findings: 1,
          services: 1,
          // The waived finding's points are not lost.
          points: 20,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last good result when an attempt fails, and clears the error when it is current again on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveResult(result());

      await store.saveFailure({
        entityRef: 'component:default/checkout-api',
        error: 'Rate limited (429)',
        attemptedAt: new Date('2026-11-21T10:00:00Z'),
      });
      const failed = await store.getEntitySummary(
        'component:default/checkout-api',
      );
      expect(failed).toMatchObject({
        status: 'could-not-analyse',
        error: 'Rate limited (429)',
        score: 70,
        lastAttemptAt: '2026-11-21T10:00:00.000Z',
        analysedAt: '2026-11-20T10:00:00.000Z',
      });
      expect(
        await store.getEntityFiles('component:default/checkout-api'),
      ).toHaveLength(1);

      await store.markUnchanged(
        'component:default/checkout-api',
        new Date('2026-11-22T10:00:00Z'),
        { owner: 'group:default/checkout' },
      );
      expect(
        await store.getEntitySummary('component:default/checkout-api'),
      ).toMatchObject({ status: 'analysed', error: undefined, score: 70 });
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the previous result intact when a write fails half way on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveResult(result());

      // The files are deleted and re-inserted before the findings; a finding the database
      // rejects (rule id is NOT NULL) fails the write after that point.
      const broken = finding({ ruleId: null as unknown as string });
      // Compared as text: errors from the native SQLite driver do not always pass Jest's
      // `instanceof Error` check, which made `rejects.toThrow()` flaky.
      const outcome = await store
        .saveResult(
          result({
            score: 10,
            grade: 'F',
            analysedAt: new Date('2026-11-21T10:00:00Z'),
            files: [file([finding(), broken], 10)],
          }),
        )
        .then(
          () => 'saved',
          (error: unknown) => `failed: ${error}`,
        );
      expect(outcome).toMatch(/^failed: .*not.null/i);

      expect(
        await store.getEntitySummary('component:default/checkout-api'),
      ).toMatchObject({ score: 70, grade: 'C', status: 'analysed' });
      expect(
        await store.getEntityFiles('component:default/checkout-api'),
      ).toEqual([{ ...file([finding()]), findingsTotal: 1 }]);
      const history = await store.history.entityHistory(
        'component:default/checkout-api',
        '2026-01-01',
      );
      expect(history.map(p => [p.day, p.score])).toEqual([['2026-11-20', 70]]);
    },
  );

  it.each(databases.eachSupportedId())(
    'builds daily history, trends and first scores of a period on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const other = 'component:default/route-optimizer';
      await store.saveResult(result());
      await store.saveResult(
        result({ entityRef: other, score: 50, grade: 'D', etag: 'x' }),
      );
      // The next day nothing changed for checkout-api, but route-optimizer improved.
      await store.saveResult(
        result({
          entityRef: other,
          score: 90,
          grade: 'A',
          analysedAt: new Date('2026-11-21T09:00:00Z'),
          rulesetVersion: '1.1.0+def',
        }),
      );
      await store.history.carryForward('2026-11-21');
      await store.history.carryForward('2026-11-21'); // idempotent

      expect(await store.history.trend('2026-11-01')).toEqual([
        { day: '2026-11-20', score: 60 },
        { day: '2026-11-21', score: 80 },
      ]);
      expect(await store.history.trend('2026-11-01', [other])).toEqual([
        { day: '2026-11-20', score: 50 },
        { day: '2026-11-21', score: 90 },
      ]);
      expect(await store.history.trend('2026-11-01', [])).toEqual([]);

      // The per-owner totals give the same trend without reading every snapshot.
      await store.history.refreshDailyTotals();
      expect(await store.history.ownerTrend('2026-11-01')).toEqual(
        await store.history.trend('2026-11-01'),
      );
      expect(
        await store.history.ownerTrend('2026-11-01', ['group:default/other']),
      ).toEqual([]);
      await store.history.refreshDailyTotals(['2026-11-21']);
      expect(
        await store.history.ownerTrend('2026-11-01', [
          'group:default/checkout',
        ]),
      ).toEqual([
        { day: '2026-11-20', score: 60 },
        { day: '2026-11-21', score: 80 },
      ]);
      // What a caller cannot see is taken out of the totals.
      expect(
        await store.history.ownerTrend('2026-11-01', undefined, [other]),
      ).toEqual([
        { day: '2026-11-20', score: 70 },
        { day: '2026-11-21', score: 70 },
      ]);
      expect(await store.history.failingRules({ hiddenRefs: [other] })).toEqual(
        [expect.objectContaining({ ruleId: 'pin-base-image', services: 1 })],
      );
      expect(
        await store.history.failingRules({ owners: ['group:default/other'] }),
      ).toEqual([]);
      expect(await store.countEntities()).toBe(2);
      expect(await store.countEntities([other, 'component:default/x'])).toBe(1);

      const first = await store.history.firstSnapshotsSince('2026-11-01', [
        other,
        'component:default/checkout-api',
      ]);
      expect(first.get(other)).toEqual({
        score: 50,
        rulesetVersion: '1.0.0+abc',
      });
      const exact = await store.history.firstSnapshotsSince(
        '2026-11-21',
        [other],
        { wholeStore: true },
      );
      expect(exact.get(other)).toEqual({
        score: 90,
        rulesetVersion: '1.1.0+def',
      });
      const history = await store.history.entityHistory(other, '2026-11-21');
      expect(history).toEqual([
        expect.objectContaining({
          day: '2026-11-21',
          score: 90,
          grade: 'A',
          rulesetVersion: '1.1.0+def',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'serves whole-store reads from a cache that every write clears on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const other = 'component:default/route-optimizer';
      await store.saveResult(result());
      expect(await ownersOf(store)).toEqual([
        {
          entityRef: 'component:default/checkout-api',
          owner: 'group:default/checkout',
        },
      ]);
      // No snapshot on the 21st yet; the answer over the whole store is now cached.
      expect(
        (
          await store.history.firstSnapshotsSince('2026-11-21', [], {
            wholeStore: true,
          })
        ).size,
      ).toBe(0);

      // A ref with no snapshot at all has no first score, on either path.
      for (const wholeStore of [false, true]) {
        const firsts = await store.history.firstSnapshotsSince(
          '2026-11-19',
          ['component:default/never-scored', 'component:default/checkout-api'],
          { wholeStore },
        );
        expect([...firsts.keys()]).toEqual(['component:default/checkout-api']);
      }

      await store.history.carryForward('2026-11-21');
      expect(
        await store.history.firstSnapshotsSince('2026-11-21', [], {
          wholeStore: true,
        }),
      ).toEqual(
        new Map([
          [
            'component:default/checkout-api',
            { score: 70, rulesetVersion: '1.0.0+abc' },
          ],
        ]),
      );

      await store.markUnchanged(
        'component:default/checkout-api',
        new Date('2026-11-22T00:00:00Z'),
        { owner: 'group:default/payments' },
      );
      await store.saveFailure({
        entityRef: other,
        error: 'repository not found',
        attemptedAt: new Date('2026-11-22T00:00:00Z'),
      });
      expect(
        (await ownersOf(store)).sort((a, b) =>
          a.entityRef.localeCompare(b.entityRef),
        ),
      ).toEqual([
        {
          entityRef: 'component:default/checkout-api',
          owner: 'group:default/payments',
        },
        { entityRef: other, owner: undefined },
      ]);

      await store.removeEntities([other]);
      expect(await ownersOf(store)).toEqual([
        {
          entityRef: 'component:default/checkout-api',
          owner: 'group:default/payments',
        },
      ]);
      await store.prune({
        retentionDays: 1,
        now: new Date('2026-11-25T00:00:00Z'),
      });
      expect(
        (
          await store.history.firstSnapshotsSince('2026-11-21', [], {
            wholeStore: true,
          })
        ).size,
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes history past retention, records runs and forgets removed entities on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveResult(result());
      await store.saveResult(
        result({ analysedAt: new Date('2025-01-01T00:00:00Z') }),
      );
      await store.prune({
        retentionDays: 30,
        now: new Date('2026-11-22T00:00:00Z'),
      });
      const days = (
        await store.history.entityHistory(
          'component:default/checkout-api',
          '2000-01-01',
        )
      ).map(p => p.day);
      expect(days).toEqual(['2026-11-20']);

      const id = await store.startRun(new Date('2026-11-22T00:00:00Z'));
      expect(await store.lastRun()).toBeUndefined();
      await store.finishRun(id, new Date('2026-11-22T00:00:05Z'), 5000, {
        entities: 13,
        unchanged: 2,
        files: 25,
        findings: 180,
        errors: 1,
      });
      expect(await store.lastRun()).toMatchObject({
        id,
        entities: 13,
        errors: 1,
        durationMs: 5000,
        finishedAt: '2026-11-22T00:00:05.000Z',
      });

      await store.removeEntities(['component:default/checkout-api']);
      expect(await store.listEntityRefs()).toEqual([]);
      expect(
        await store.getEntityFiles('component:default/checkout-api'),
      ).toEqual([]);
    },
  );
});
