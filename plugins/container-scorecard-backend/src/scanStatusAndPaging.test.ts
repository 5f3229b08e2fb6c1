import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import { ScorecardStore } from './database/ScorecardStore';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

const API = '/api/container-scorecard';
const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'big-compose' },
  spec: { owner: 'team-a', type: 'service' },
};

describe('scan status after a crash, and paged findings, through the routes', () => {
  const databases = createTestDatabases();

  async function start(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        containerScorecardPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            containerScorecard: {
              schedule: {
                frequency: { minutes: 30 },
                timeout: { minutes: 10 },
              },
            },
          },
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    return { knex, server, store: ScorecardStore.fromClient(knex) };
  }

  it.each(databases.eachSupportedId())(
    'tells a live run elsewhere from one whose replica died, and when the next run can start, on %p',
    async databaseId => {
      const { knex, server, store } = await start(databaseId);
      const startedAt = new Date(Date.now() - 5 * 60_000);
      const runId = await store.startRun(startedAt);

      // Another replica beat its heart a moment ago: it is scanning.
      await store.heartbeatRun(runId, new Date(Date.now() - 10_000));
      const live = await request(server).get(`${API}/scans/status`);
      expect(live.body).toMatchObject({
        running: true,
        lastRun: { outcome: 'running' },
        nextRunAt: new Date(startedAt.getTime() + 30 * 60_000).toISOString(),
      });

      // Silence for minutes: that replica died holding the task's lock, which expires at the
      // run's start plus the 10-minute timeout. Not "now" until then.
      await knex('container_scorecard_runs')
        .where({ id: runId })
        .update({ heartbeat_at: new Date(Date.now() - 4 * 60_000) });
      const dead = await request(server).get(`${API}/scans/status`);
      expect(dead.body).toEqual({
        running: false,
        lastRun: { startedAt: startedAt.toISOString(), outcome: 'abandoned' },
        nextRunAt: new Date(startedAt.getTime() + 10 * 60_000).toISOString(),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'sends the first findings of each file with its total, and pages through the rest, on %p',
    async databaseId => {
      const { server, store } = await start(databaseId);
      const findings = Array.from({ length: 1500 }, (_, i) => ({
        ruleId: 'compose-no-healthcheck',
        pillar: 'lifecycle' as const,
        severity: 'low' as const,
        message: `Service svc${i + 1} has no health check`,
        path: 'compose.yaml',
        range: {
          start: { line: i + 1, column: 1 },
          end: { line: i + 1, column: 5 },
        },
        snippet: `svc${i + 1}:`,
      }));
      await store.saveResult({
        entityRef: 'component:default/big-compose',
        status: 'analysed',
        analysedAt: new Date(),
        rulesetVersion: '1',
        score: 40,
        grade: 'F',
        counts: { ...zero, low: 1500 },
        files: [
          {
            path: 'compose.yaml',
            kind: 'compose',
            status: 'analysed',
            score: 40,
            grade: 'F',
            counts: { ...zero, low: 1500 },
            findings,
            partial: [
              {
                limit: 'findings-per-rule',
                message:
                  'compose-no-healthcheck: 8500 more findings not listed',
                omitted: 8500,
              },
            ],
          },
        ],
        sourceKey: 'url:https://example.com/big',
        partial: [
          {
            limit: 'entity-bytes',
            message: 'Files beyond 20 MiB were not read',
            omitted: 3,
          },
        ],
      });
      const base = `${API}/entities/component/default/big-compose`;

      const scorecard = await request(server).get(`${base}/scorecard`);
      expect(scorecard.status).toBe(200);
      expect(scorecard.body.partial).toEqual([
        expect.objectContaining({ limit: 'entity-bytes', omitted: 3 }),
      ]);
      const [file] = scorecard.body.files;
      expect(file.findings).toHaveLength(100);
      expect(file.findingsTotal).toBe(1500);
      expect(file.partial[0]).toMatchObject({ limit: 'findings-per-rule' });

      const fewer = await request(server).get(
        `${base}/scorecard?findingsPerFile=5`,
      );
      expect(fewer.body.files[0].findings).toHaveLength(5);

      const page = await request(server).get(
        `${base}/findings?path=compose.yaml&offset=1400&limit=1000`,
      );
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        path: 'compose.yaml',
        total: 1500,
        offset: 1400,
        limit: 1000,
      });
      expect(page.body.items).toHaveLength(100);
      expect(page.body.items[0].snippet).toBe('svc1401:');

      for (const bad of [
        'scorecard?findingsPerFile=1001',
        'scorecard?findingsPerFile=-1',
        'findings?path=compose.yaml&limit=1001',
        'findings?path=compose.yaml&limit=0',
        'findings?path=compose.yaml&offset=-5',
        'findings?path=compose.yaml&offset=abc',
        'findings',
      ]) {
        const response = await request(server).get(`${base}/${bad}`);
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      }
      const missing = await request(server).get(
        `${base}/findings?path=nope.yaml`,
      );
      expect(missing.status).toBe(404);
    },
  );

  it.each(databases.eachSupportedId())(
    'reports an entity where a limit stopped the scan before any definition as could not analyse, with the limit as the reason, on %p',
    async databaseId => {
      const { server, store } = await start(databaseId);
      const limit = {
        limit: 'repository-files',
        message:
          'Only the first 20000 entries of the repository were looked at; 1 more were not',
        omitted: 1,
      };
      await store.saveResult({
        entityRef: 'component:default/big-compose',
        status: 'could-not-analyse',
        analysedAt: new Date(),
        rulesetVersion: '1',
        counts: zero,
        files: [],
        sourceKey: 'url:https://example.com/huge',
        partial: [limit],
      });

      const scorecard = await request(server).get(
        `${API}/entities/component/default/big-compose/scorecard`,
      );

      expect(scorecard.body).toMatchObject({
        status: 'could-not-analyse',
        error: limit.message,
        partial: [limit],
        files: [],
      });
    },
  );
});
