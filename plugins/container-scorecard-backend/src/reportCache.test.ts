import { TestDatabaseId } from '@backstage/backend-test-utils';
import { buildOrganisationReport } from './service/reports/buildOrganisationReport';
import { buildTeamScorecard } from './service/reports/buildTeamScorecard';
import {
  component,
  OUTSIDER,
  startReportsBackend,
  team,
} from './__testUtils__/reportsBackend';
import { createTestDatabases } from './__testUtils__/testDatabases';

// Counts the report computations through the module seam while running the real one.
jest.mock('./service/reports/buildOrganisationReport', () => {
  const actual = jest.requireActual(
    './service/reports/buildOrganisationReport',
  );
  return {
    ...actual,
    buildOrganisationReport: jest.fn(actual.buildOrganisationReport),
  };
});
jest.mock('./service/reports/buildTeamScorecard', () => {
  const actual = jest.requireActual('./service/reports/buildTeamScorecard');
  return {
    ...actual,
    buildTeamScorecard: jest.fn(actual.buildTeamScorecard),
  };
});
const teamComputed = buildTeamScorecard as jest.MockedFunction<
  typeof buildTeamScorecard
>;
const computed = buildOrganisationReport as jest.MockedFunction<
  typeof buildOrganisationReport
>;

jest.setTimeout(120_000);

describe('organisation report cache', () => {
  const databases = createTestDatabases();

  async function start(
    databaseId: TestDatabaseId,
    config: { cacheTtl?: { milliseconds: number } } = {},
  ) {
    const { get, catalog } = await startReportsBackend(
      await databases.init(databaseId),
      {
        entities: [
          component('checkout', 'shop'),
          component('ledger', 'payments'),
          team('shop'),
          team('payments'),
        ],
        scored: [
          { name: 'checkout', score: 82, grade: 'B' },
          { name: 'ledger', score: 41, grade: 'F' },
        ],
        config: { reports: config },
      },
    );
    /** Catalog reads of a caller's whole visible set (components in scope), so far. */
    const scopeReads = () =>
      catalog.getEntities.mock.calls.filter(
        ([query]) => (query?.filter as { kind?: string })?.kind === 'Component',
      ).length;
    /** Catalog reads of a team's services (filtered by owner), so far. */
    const teamReads = () =>
      catalog.getEntities.mock.calls.filter(([query]) =>
        JSON.stringify(query?.filter).includes('relations.ownedBy'),
      ).length;
    return { get, scopeReads, teamReads };
  }

  beforeEach(() => {
    computed.mockClear();
    teamComputed.mockClear();
  });

  it.each(databases.eachSupportedId())(
    'computes once for identical callers, separately for a caller who sees less, on %p',
    async databaseId => {
      const { get } = await start(databaseId);

      const first = await get('/report');
      const again = await get('/report');
      const csv = await get('/report/export.csv');
      expect(first.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(first.body.coverage.services).toBe(2);
      expect(csv.text).toContain('component:default/ledger');
      expect(computed).toHaveBeenCalledTimes(1);

      // Same routes, another visible set: its own computation, never the insider's entities.
      const outsider = await get('/report', OUTSIDER);
      const outsiderCsv = await get('/report/export.csv', OUTSIDER);
      expect(outsider.body.coverage.services).toBe(1);
      expect(JSON.stringify(outsider.body)).not.toContain('payments');
      expect(outsiderCsv.text).not.toContain('ledger');
      expect(outsiderCsv.text).toContain('component:default/checkout');
      expect(computed).toHaveBeenCalledTimes(2);

      // Another period is another report.
      await get('/report?days=30');
      expect(computed).toHaveBeenCalledTimes(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'computes a team scorecard once per identical caller and query, on %p',
    async databaseId => {
      const { get } = await start(databaseId);
      const first = await get('/teams/default/payments/scorecard');
      const again = await get('/teams/default/payments/scorecard');
      expect(first.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(first.body.serviceCount).toBe(1);
      expect(teamComputed).toHaveBeenCalledTimes(1);

      // The outsider cannot see the payments team's ledger: its own, empty, answer.
      const outsider = await get('/teams/default/payments/scorecard', OUTSIDER);
      expect(outsider.body.serviceCount).toBe(0);
      expect(JSON.stringify(outsider.body)).not.toContain('ledger');
      await get('/teams/default/payments/scorecard?limit=1');
      expect(teamComputed).toHaveBeenCalledTimes(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a caller’s catalog answer once per window, not per request, on %p',
    async databaseId => {
      const { get, scopeReads } = await start(databaseId);
      await get('/report');
      await get('/report');
      await get('/report/export.csv');
      expect(scopeReads()).toBe(1);
      // A computation reads the set it is computed over afresh; its repeats read nothing.
      await get('/report?days=30');
      await get('/report?days=30');
      expect(scopeReads()).toBe(2);
      // Another caller is read for themselves, and sees only their own set.
      const outsider = await get('/report', OUTSIDER);
      expect(outsider.body.coverage.services).toBe(1);
      expect(scopeReads()).toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a team’s services from the catalog once per caller and window, on %p',
    async databaseId => {
      const { get, teamReads } = await start(databaseId);
      const first = await get('/teams/default/payments/scorecard');
      await get('/teams/default/payments/scorecard');
      await get('/teams/default/payments/scorecard?days=30');
      expect(teamReads()).toBe(2); // the second query is computed over a fresh read
      expect(first.body.serviceCount).toBe(1);
      const outsider = await get('/teams/default/payments/scorecard', OUTSIDER);
      expect(outsider.body.serviceCount).toBe(0);
      expect(teamReads()).toBe(3);
      // A team the caller cannot see is not found, every time.
      expect((await get('/teams/default/nobody/scorecard')).status).toBe(404);
      expect((await get('/teams/default/nobody/scorecard')).status).toBe(404);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the catalog on every request when the window is 0, on %p',
    async databaseId => {
      const { get, scopeReads, teamReads } = await start(databaseId, {
        cacheTtl: { milliseconds: 0 },
      });
      await get('/report');
      await get('/report');
      expect(scopeReads()).toBe(2);
      expect(computed).toHaveBeenCalledTimes(2);
      await get('/teams/default/payments/scorecard');
      await get('/teams/default/payments/scorecard');
      expect(teamReads()).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'sends the cached CSV exports compressed when asked, with a validator, on %p',
    async databaseId => {
      const { get } = await start(databaseId);
      for (const path of ['/report/export.csv', '/report/findings.csv']) {
        const plain = await get(path).set('Accept-Encoding', 'identity');
        expect(plain.status).toBe(200);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers['content-type']).toMatch(/^text\/csv/);

        const packed = await get(path)
          .set('Accept-Encoding', 'gzip')
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect(packed.headers['content-encoding']).toBe('gzip');
        expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
        // supertest undoes gzip itself; the bytes it hands back are the same CSV.
        expect(packed.body.toString('utf8')).toBe(plain.text);
        expect(packed.headers.etag).toBe(plain.headers.etag);

        const unchanged = await get(path).set(
          'If-None-Match',
          plain.headers.etag,
        );
        expect(unchanged.status).toBe(304);
        expect(unchanged.text).toBe('');
      }
      const exported = await get('/report/export.csv');
      expect(exported.text).toContain('component:default/ledger');
      const outsider = await get('/report/export.csv', OUTSIDER);
      expect(outsider.text).not.toContain('ledger');
      expect(outsider.headers.etag).not.toBe(exported.headers.etag);
    },
  );

  // The window itself is tested with a clock in ReportCache.test.ts: here a scan's write through
  // another store instance would also meet the store's own 30 s aggregate cache.
  it.each(databases.eachSupportedId())(
    'does not keep a failed computation, on %p',
    async databaseId => {
      const { get } = await start(databaseId);
      computed.mockRejectedValueOnce(new Error('database went away'));
      expect((await get('/report?days=7')).status).toBe(500);
      const retried = await get('/report?days=7');
      expect(retried.status).toBe(200);
      expect(retried.body.coverage.services).toBe(2);
      expect(computed).toHaveBeenCalledTimes(2);
    },
  );
});
