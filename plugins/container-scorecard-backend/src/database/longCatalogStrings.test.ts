import { mockServices } from '@backstage/backend-test-utils';
import { randomBytes } from 'node:crypto';
import { ScorecardStore } from './ScorecardStore';
import { MAX_KEY_BYTES, TRUNCATION_MARKER } from './boundedKey';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

// Catalog titles and owners have no length limit; varchar(255) on PostgreSQL used to refuse them.
const longTitle = `Payments ${'t'.repeat(991)}`;
const longOwner = `group:default/${'o'.repeat(986)}`;
const longRuleId = `acme-${'r'.repeat(300)}`;
const longEtag = 'e'.repeat(1000);

describe('ScorecardStore with catalog strings of any length', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'stores and returns 1,000-character titles, owners, ETags and rule ids on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const entityRef = 'component:default/long-title';
      expect(longTitle).toHaveLength(1000);
      expect(longOwner).toHaveLength(1000);

      await store.saveResult({
        entityRef,
        title: longTitle,
        owner: longOwner,
        status: 'analysed',
        analysedAt: new Date('2026-11-20T10:00:00Z'),
        rulesetVersion: '1.0.0+abc',
        score: 80,
        grade: 'B',
        counts: { ...zero, high: 1 },
        worstRule: { ruleId: longRuleId, severity: 'high', count: 1 },
        files: [
          {
            path: 'Dockerfile',
            kind: 'dockerfile',
            status: 'analysed',
            score: 80,
            grade: 'B',
            counts: { ...zero, high: 1 },
            findings: [
              {
                ruleId: longRuleId,
                pillar: 'immutable',
                severity: 'high',
                message: 'Pin it',
                path: 'Dockerfile',
                range: {
                  start: { line: 1, column: 1 },
                  end: { line: 1, column: 5 },
                },
                snippet: 'FROM x',
              },
            ],
          },
        ],
        sourceKey: 'url:https://example.com/repo',
        etag: longEtag,
      });
      await store.history.refreshDailyTotals(['2026-11-20']);

      expect(await store.getEntitySummary(entityRef)).toMatchObject({
        status: 'analysed',
        title: longTitle,
        owner: longOwner,
        etag: longEtag,
        worstRule: { ruleId: longRuleId },
      });
      expect(await store.listEntityRefsOwnedBy([longOwner])).toEqual([
        entityRef,
      ]);
      const [stored] = await store.getEntityFiles(entityRef);
      expect(stored.findings[0].ruleId).toBe(longRuleId);

      await store.saveFailure({
        entityRef: 'component:default/never-read',
        title: longTitle,
        owner: longOwner,
        error: 'Rate limited (429)',
        attemptedAt: new Date('2026-11-21T10:00:00Z'),
      });
      expect(
        await store.getEntitySummary('component:default/never-read'),
      ).toMatchObject({ status: 'could-not-analyse', title: longTitle });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a 10,000-character title whole and cuts an owner too long for an index, with a marker, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const hugeTitle = 'Ünïcödé title '.repeat(715);
      // Random text does not compress: far beyond PostgreSQL's b-tree entry limit of ~2,700 bytes.
      const hugeOwner = `group:default/${randomBytes(4000).toString('hex')}團`;
      await store.saveResult({
        entityRef: 'component:default/huge',
        title: hugeTitle,
        owner: hugeOwner,
        status: 'analysed',
        analysedAt: new Date('2026-11-20T10:00:00Z'),
        rulesetVersion: '1',
        score: 90,
        grade: 'A',
        counts: zero,
        files: [],
        sourceKey: 'url:https://example.com/huge',
      });
      await store.history.refreshDailyTotals(['2026-11-20']);

      const summary = await store.getEntitySummary('component:default/huge');
      expect(summary?.title).toBe(hugeTitle);
      expect(summary?.owner?.endsWith(TRUNCATION_MARKER)).toBe(true);
      expect(
        hugeOwner.startsWith(
          summary!.owner!.slice(0, -TRUNCATION_MARKER.length),
        ),
      ).toBe(true);
      expect(Buffer.byteLength(summary!.owner!)).toBeLessThanOrEqual(
        MAX_KEY_BYTES,
      );
    },
  );
});
