import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { join } from 'node:path';
import request from 'supertest';
import { containerScorecardPlugin } from '../../plugin';
import {
  catalogWithVisibility,
  EXAMPLES_DIR,
  loadDemoCatalog,
} from '../../__testUtils__/demoCatalog';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { daysBefore } from '../../database/rowMapping';

jest.setTimeout(300_000);

const API = '/api/container-scorecard';

/** The demo backend as app-config.yaml configures it, on the given database. */
async function startDemo(knex: Knex) {
  const catalog = catalogWithVisibility(loadDemoCatalog(), () => false);
  return startTestBackend({
    features: [
      containerScorecardPlugin,
      catalog.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          containerScorecard: {
            localRoots: [EXAMPLES_DIR],
            demo: { seedHistory: join(EXAMPLES_DIR, 'history') },
          },
        },
      }),
      // The first scheduled run seeds the past and then scans today, before the backend answers.
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
    ],
  });
}

const byTeam = (report: any, team: string) =>
  report.teams.find((t: any) => t.teamRef === `group:default/${team}`);

describe('the demo with a past', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'seeds 90 days of real scans once, with an improving and a regressing team, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const first = await startDemo(knex);
      const now = new Date();

      // Every day from the oldest revision to today has a score: the trend covers 90 days.
      const report = (await request(first.server).get(`${API}/report?days=90`))
        .body;
      const days = report.trend.map((p: any) => p.day);
      expect(days[0]).toBe(daysBefore(now, 90));
      expect(days[days.length - 1]).toBe(daysBefore(now, 0));
      expect(new Set(days).size).toBe(91);
      // Scores changed between revisions: the trend is no flat line.
      expect(
        new Set(report.trend.map((p: any) => p.score)).size,
      ).toBeGreaterThan(2);

      // checkout hardened its Dockerfiles, route-planning let its own slip.
      expect(byTeam(report, 'checkout').delta).toBeGreaterThan(0);
      expect(byTeam(report, 'route-planning').delta).toBeLessThan(0);
      const improved = report.movers.improved.map((m: any) => m.entityRef);
      const regressed = report.movers.regressed.map((m: any) => m.entityRef);
      expect(improved).toEqual(
        expect.arrayContaining([
          'component:default/checkout-api',
          'component:default/rate-quote-service',
        ]),
      );
      expect(regressed).toEqual(
        expect.arrayContaining([
          'component:default/route-optimizer',
          'component:default/parcel-notifier',
        ]),
      );
      // The same ruleset scored the past and today: the movers are changes of the code.
      for (const mover of [
        ...report.movers.improved,
        ...report.movers.regressed,
      ]) {
        expect(mover.rulesetChanged).toBe(false);
      }
      // Services without a revision of their own kept their score all along.
      const label = (
        await request(first.server).get(
          `${API}/entities/component/default/label-printer-service/history`,
        )
      ).body;
      expect(new Set(label.points.map((p: any) => p.score)).size).toBe(1);

      // This week: route-optimizer's world-writable cache folder is new, so it regressed.
      const week = (await request(first.server).get(`${API}/report?days=7`))
        .body;
      expect(week.movers.regressed.map((m: any) => m.entityRef)).toContain(
        'component:default/route-optimizer',
      );

      // The waiver in label-printer-service shows with its reason and its last day.
      const scorecard = (
        await request(first.server).get(
          `${API}/entities/component/default/label-printer-service/scorecard`,
        )
      ).body;
      const waived = scorecard.files
        .flatMap((f: any) => f.findings)
        .find((f: any) => f.ruleId === 'compiled-stack-without-multi-stage');
      expect(waived.suppressed ?? waived.expiredSuppression).toEqual({
        reason: expect.stringMatching(/Maven pipeline/),
        until: '2027-06-30',
        source: 'inline',
      });

      // A restart finds the store with its past and does not seed it again.
      const attempts = async () =>
        Number(
          (await knex('container_scorecard_scans').count({ n: '*' }))[0].n,
        );
      const before = await attempts();
      const entities = Number(
        (await knex('container_scorecard_entities').count({ n: '*' }))[0].n,
      );
      await first.stop();
      const second = await startDemo(knex);
      // At most today's scan again (unchanged repositories are not even re-read).
      expect((await attempts()) - before).toBeLessThanOrEqual(entities);
      const again = (await request(second.server).get(`${API}/report?days=90`))
        .body;
      expect(again.trend.map((p: any) => p.day)).toEqual(days);
      await second.stop();
    },
  );
});
