import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { defineRule } from '@container-scorecard/plugin-container-scorecard-common';
import { containerScorecardRulesExtensionPoint } from '@container-scorecard/plugin-container-scorecard-node';
import knexFactory from 'knex';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import {
  catalogWithVisibility,
  EXAMPLES_DIR,
  loadDemoCatalog,
} from './__testUtils__/demoCatalog';

jest.setTimeout(60_000);

const API = '/api/container-scorecard';
const OUTSIDER = 'user:default/outsider';

/** The demo catalog, scanned at start-up; the outsider cannot see the payments team's work. */
async function startDemoBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    modules?: ReturnType<typeof createBackendModule>[];
  } = {},
) {
  const catalog = catalogWithVisibility(
    loadDemoCatalog(),
    (user, entity) =>
      user === OUTSIDER &&
      (entity.spec?.owner === 'payments' ||
        entity.metadata.name === 'payments'),
  );
  const { server } = await startTestBackend({
    features: [
      containerScorecardPlugin,
      ...(options.modules ?? []),
      catalog.factory,
      mockServices.rootConfig.factory({
        data: { containerScorecard: { localRoots: [EXAMPLES_DIR] } },
      }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
  return server;
}

const asOutsider = { Authorization: mockCredentials.user.header(OUTSIDER) };

describe('containerScorecardPlugin', () => {
  it('answers the health route without credentials once its database is migrated', async () => {
    const { server } = await startTestBackend({
      features: [containerScorecardPlugin],
    });

    const response = await request(server).get(`${API}/health`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports 503 when its database cannot be reached', async () => {
    // Port 1 on loopback refuses connections: a real client against a dead server.
    const deadDatabase = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:1/none',
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 2_000,
    });
    try {
      const { server } = await startTestBackend({
        features: [
          containerScorecardPlugin,
          mockServices.database.factory({
            knex: deadDatabase,
            migrations: { skip: true },
          }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        ],
      });

      const response = await request(server).get(`${API}/health`);

      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        status: 'error',
        database: 'unreachable',
      });
    } finally {
      await deadDatabase.destroy();
    }
  });

  describe('with the demo catalog scanned at start-up', () => {
    let server: Awaited<ReturnType<typeof startDemoBackend>>;
    beforeAll(async () => {
      server = await startDemoBackend();
    });

    it('serves an entity scorecard with files, findings, ranges, snippets and fixes', async () => {
      const response = await request(server).get(
        `${API}/entities/component/default/checkout-api/scorecard`,
      );

      expect(response.status).toBe(200);
      const scorecard = response.body;
      expect(scorecard).toMatchObject({
        entityRef: 'component:default/checkout-api',
        status: 'analysed',
        grade: expect.stringMatching(/^[A-F]$/),
      });
      expect(scorecard.files.map((f: any) => f.path).sort()).toEqual([
        'Dockerfile',
        'compose.yaml',
        'docker-compose.prod.yml',
      ]);
      const findings = scorecard.files.flatMap((f: any) => f.findings);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings[0]).toMatchObject({
        ruleId: expect.any(String),
        pillar: expect.any(String),
        range: { start: { line: expect.any(Number) } },
        snippet: expect.any(String),
      });
      expect(findings.some((f: any) => f.fix?.edits?.length)).toBe(true);
    });

    it('serves a service deployed through a Helm chart with findings pointing into its values file', async () => {
      const response = await request(server).get(
        `${API}/entities/component/default/returns-portal/scorecard`,
      );
      expect(response.status).toBe(200);
      const deployment = response.body.files.find(
        (f: any) => f.path === 'chart/returns-portal/templates/deployment.yaml',
      );
      expect(deployment.rendering).toMatchObject({
        renderer: 'helm',
        unit: 'chart/returns-portal',
      });
      const privileged = deployment.findings.find(
        (f: any) => f.ruleId === 'k8s-privileged-container',
      );
      expect(privileged).toMatchObject({
        path: 'chart/returns-portal/values.yaml',
        snippet: '  privileged: true',
        renderedFrom: {
          path: 'chart/returns-portal/templates/deployment.yaml',
          valuesKey: 'securityContext.privileged',
        },
      });
    });

    it('tells apart services without definitions, broken files and unscanned entities', async () => {
      const none = await request(server).get(
        `${API}/entities/component/default/delivery-estimates/scorecard`,
      );
      expect(none.body).toMatchObject({
        status: 'no-definitions',
        files: [],
      });

      const broken = await request(server).get(
        `${API}/entities/component/default/nightly-ledger-export/scorecard`,
      );
      const cronjob = broken.body.files.find(
        (f: any) => f.path === 'k8s/cronjob.yaml',
      );
      expect(cronjob).toMatchObject({
        status: 'could-not-analyse',
        error: expect.any(String),
      });
      expect(cronjob.score).toBeUndefined();
      const dockerfile = broken.body.files.find(
        (f: any) => f.path === 'Dockerfile',
      );
      expect(dockerfile).toMatchObject({
        status: 'could-not-analyse',
        error: expect.stringMatching(/heredoc <<EOT is never closed/),
      });
      // Nothing in the repository could be read: a state of its own, never a zero.
      expect(broken.body).toMatchObject({ status: 'could-not-analyse' });
      expect(broken.body.score).toBeUndefined();

      const group = await request(server).get(
        `${API}/entities/group/default/payments/scorecard`,
      );
      expect(group.body).toMatchObject({ status: 'not-scanned', files: [] });
    });

    it('keeps daily history per entity', async () => {
      const response = await request(server).get(
        `${API}/entities/component/default/checkout-api/history?days=30`,
      );
      expect(response.status).toBe(200);
      expect(response.body.points).toEqual([
        expect.objectContaining({
          day: new Date().toISOString().slice(0, 10),
          score: expect.any(Number),
          rulesetVersion: expect.any(String),
        }),
      ]);
    });

    it('rolls team scorecards up through sub-teams, with paging, sorting and filters', async () => {
      const response = await request(server).get(
        `${API}/teams/default/platform-infra/scorecard?sort=score&order=asc&limit=1`,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        teamRef: 'group:default/platform-infra',
        serviceCount: 2, // build-agent, and metrics-gateway through observability
        services: { totalCount: 2, limit: 1, offset: 0 },
      });
      const [worst] = response.body.services.items;
      const second = await request(server).get(
        `${API}/teams/default/platform-infra/scorecard?sort=score&order=asc&limit=1&offset=1`,
      );
      expect(second.body.services.items[0].score).toBeGreaterThanOrEqual(
        worst.score,
      );

      const org = await request(server).get(
        `${API}/teams/default/northwind-logistics/scorecard?q=checkout&limit=10`,
      );
      expect(org.body.serviceCount).toBe(16);
      expect(org.body.services.items.map((s: any) => s.entityRef)).toEqual([
        'component:default/checkout-api',
      ]);

      const bad = await request(server).get(
        `${API}/teams/default/platform-infra/scorecard?limit=100000`,
      );
      expect(bad.status).toBe(400);
      const unknown = await request(server).get(
        `${API}/teams/default/nobody/scorecard`,
      );
      expect(unknown.status).toBe(404);
    });

    it('reports on the organisation: teams ranked, failing rules, coverage, CSV', async () => {
      const response = await request(server).get(`${API}/report?days=30`);
      expect(response.status).toBe(200);
      const report = response.body;
      expect(report.coverage).toEqual({
        services: 16,
        analysed: expect.any(Number),
        noDefinitions: 1,
        couldNotAnalyse: expect.any(Number),
        notScanned: 0,
      });
      const scores = report.teams.map((t: any) => t.score ?? -1);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      expect(report.teams.map((t: any) => t.teamRef)).toContain(
        'group:default/observability',
      );
      expect(report.topFailingRules[0]).toMatchObject({
        ruleId: expect.any(String),
        title: expect.any(String),
        services: expect.any(Number),
      });
      // Ranked by the points the rules cost across the scope, not by how many services fail.
      const points = report.topFailingRules.map((r: any) => r.points);
      expect(points[0]).toBeGreaterThan(0);
      expect(points).toEqual([...points].sort((a: number, b: number) => b - a));
      expect(report.topFailingRules[0].severity).toMatch(/critical|high/);
      expect(report.trend).toHaveLength(1);

      const csv = await request(server).get(`${API}/report/export.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(
        /filename="container-scorecard-organisation-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^entity_ref,title,owner,status,score,grade/);
      expect(lines).toHaveLength(17);
      // A service that could not be analysed says why in the error column (the last one).
      const failed = lines.filter(l => l.includes(',could-not-analyse,'));
      expect(failed.length).toBe(report.coverage.couldNotAnalyse);
      for (const line of failed) expect(line).not.toMatch(/,$/);

      const scoped = await request(server).get(
        `${API}/report/export.csv?group=${encodeURIComponent(
          'group:default/payments',
        )}`,
      );
      expect(scoped.status).toBe(200);
      expect(scoped.headers['content-disposition']).toMatch(
        /filename="container-scorecard-payments-\d{4}-\d{2}-\d{2}\.csv"/,
      );

      // Which services fail each rule, in the whole scope and in one team's.
      const failing = await request(server).get(`${API}/report/rules`);
      expect(failing.status).toBe(200);
      expect(failing.body.servicesInScope).toBe(report.coverage.services);
      const ssh = failing.body.rules.find(
        (r: any) => r.ruleId === 'expose-ssh-port',
      );
      expect(ssh.failing).toContainEqual({
        entityRef: 'component:default/legacy-billing-portal',
        title: 'Legacy Billing Portal',
        findings: 1,
        points: 20,
      });
      expect(ssh.services).toBe(ssh.failing.length);
      const top = report.topFailingRules[0];
      expect(
        failing.body.rules.find((r: any) => r.ruleId === top.ruleId),
      ).toMatchObject({ services: top.services, points: top.points });
      const scopedRules = await request(server).get(
        `${API}/report/rules?group=${encodeURIComponent(
          'group:default/payments',
        )}`,
      );
      const scopedRefs = scopedRules.body.rules.flatMap((r: any) =>
        r.failing.map((f: any) => f.entityRef),
      );
      expect(scopedRefs).toContain('component:default/legacy-billing-portal');
      expect(scopedRefs).not.toContain('component:default/checkout-api');

      const findings = await request(server).get(`${API}/report/findings.csv`);
      expect(findings.status).toBe(200);
      expect(findings.headers['content-disposition']).toMatch(
        /filename="container-scorecard-organisation-findings-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const rows = findings.text.trim().split('\r\n');
      expect(rows[0]).toBe(
        'entity_ref,title,owner,path,line,rule_id,pillar,severity,points,message,fixable,waived,kind',
      );
      expect(rows).toContainEqual(
        expect.stringMatching(
          /^component:default\/legacy-billing-portal,[^,]*,group:default\/payments,Dockerfile,27,expose-ssh-port,least-privilege,high,20,.*,yes,no,definition$/,
        ),
      );
    });

    it('rolls a System up over the services that are part of it, and says 404 for an unknown one', async () => {
      const response = await request(server).get(
        `${API}/rollups/system/default/shipping/scorecard?limit=50`,
      );
      expect(response.status).toBe(200);
      const shipping = [
        'delivery-estimates',
        'parcel-notifier',
        'pickup-scheduler',
        'route-optimizer',
        'shipment-tracker-api',
      ].map(name => `component:default/${name}`);
      expect(response.body).toMatchObject({
        teamRef: 'system:default/shipping',
        title: 'Shipping',
        serviceCount: shipping.length,
      });
      expect(
        response.body.services.items.map((s: any) => s.entityRef).sort(),
      ).toEqual(shipping);
      const scores = response.body.services.items
        .map((s: any) => s.score)
        .filter((v: any) => v !== undefined);
      expect(response.body.score).toBeGreaterThanOrEqual(Math.min(...scores));
      expect(response.body.score).toBeLessThanOrEqual(Math.max(...scores));

      const unknown = await request(server).get(
        `${API}/rollups/system/default/nowhere/scorecard`,
      );
      expect(unknown.status).toBe(404);
      const unknownDomain = await request(server).get(
        `${API}/rollups/domain/default/nowhere/scorecard`,
      );
      expect(unknownDomain.status).toBe(404);
      const badKind = await request(server).get(
        `${API}/rollups/group/default/payments/scorecard`,
      );
      expect(badKind.status).toBe(400);
    });

    it('rolls a Domain up over the services of its systems, and of no other system', async () => {
      const serviceRefs = async (path: string) => {
        const response = await request(server).get(
          `${API}/rollups/${path}/scorecard?limit=50`,
        );
        expect(response.status).toBe(200);
        return response.body;
      };
      const [logistics, shipping, warehouse, onlineStore] = await Promise.all(
        [
          'domain/default/logistics',
          'system/default/shipping',
          'system/default/warehouse',
          'system/default/online-store',
        ].map(serviceRefs),
      );
      const refsOf = (rollup: any) =>
        rollup.services.items.map((s: any) => s.entityRef).sort();
      expect(logistics).toMatchObject({
        teamRef: 'domain:default/logistics',
        title: 'Logistics',
        serviceCount: shipping.serviceCount + warehouse.serviceCount,
      });
      expect(refsOf(logistics)).toEqual(
        [...refsOf(shipping), ...refsOf(warehouse)].sort(),
      );
      expect(refsOf(logistics)).not.toContain('component:default/checkout-api');
      expect(refsOf(onlineStore)).toContain('component:default/checkout-api');
      // Its score is the mean over all of them, so it lies between its systems' scores.
      const systemScores = [shipping.score, warehouse.score];
      expect(logistics.score).toBeGreaterThanOrEqual(Math.min(...systemScores));
      expect(logistics.score).toBeLessThanOrEqual(Math.max(...systemScores));
      expect(logistics.trend.length).toBeGreaterThan(0);
    });

    it('lists the rule catalogue and the scan status', async () => {
      const rules = await request(server).get(`${API}/rules`);
      expect(rules.status).toBe(200);
      expect(rules.body.rules.length).toBeGreaterThan(0);
      expect(rules.body.rules[0]).toMatchObject({
        id: expect.any(String),
        enabled: true,
        remediation: { before: expect.any(String), after: expect.any(String) },
      });
      expect(rules.body.rulesetVersion).toEqual(expect.any(String));

      const status = await request(server).get(`${API}/scans/status`);
      expect(status.body).toEqual({
        running: false,
        nextRunAt: expect.any(String),
        lastRun: {
          startedAt: expect.any(String),
          finishedAt: expect.any(String),
          durationMs: expect.any(Number),
          outcome: 'completed',
        },
      });
      // The default schedule runs every 30 minutes, counted from the start of the last run.
      expect(
        Date.parse(status.body.nextRunAt) -
          Date.parse(status.body.lastRun.startedAt),
      ).toBe(30 * 60 * 1000);
    });

    it('hides what the catalog hides: 404 with no data, and absent from team and report views', async () => {
      const hidden = await request(server)
        .get(
          `${API}/entities/component/default/legacy-billing-portal/scorecard`,
        )
        .set(asOutsider);
      expect(hidden.status).toBe(404);
      expect(Object.keys(hidden.body).sort()).toEqual([
        'error',
        'request',
        'response',
      ]);
      const history = await request(server)
        .get(`${API}/entities/component/default/legacy-billing-portal/history`)
        .set(asOutsider);
      expect(history.status).toBe(404);

      const team = await request(server)
        .get(`${API}/teams/default/commerce/scorecard?limit=50`)
        .set(asOutsider);
      expect(team.status).toBe(200);
      expect(team.body.serviceCount).toBe(3); // checkout (2) + storefront (1), not payments
      // The trend averages exactly the visible services: nothing hidden leaks into it.
      const visibleScores = team.body.services.items
        .map((item: any) => item.score)
        .filter((score: unknown) => score !== undefined);
      const mean =
        visibleScores.reduce((a: number, b: number) => a + b, 0) /
        visibleScores.length;
      expect(team.body.trend).toEqual([
        { day: expect.any(String), score: Math.round(mean * 10) / 10 },
      ]);
      expect(JSON.stringify(team.body)).not.toMatch(
        /legacy-billing|nightly-ledger/,
      );

      const report = await request(server).get(`${API}/report`).set(asOutsider);
      expect(report.body.coverage.services).toBe(14); // 16 services, payments (2) hidden
      expect(JSON.stringify(report.body)).not.toMatch(
        /legacy-billing|nightly-ledger|group:default\/payments/,
      );
      const csv = await request(server)
        .get(`${API}/report/export.csv`)
        .set(asOutsider);
      expect(csv.text).not.toMatch(/legacy-billing|nightly-ledger/);
    });

    it('rescans an entity on demand for callers allowed to, but not entities they cannot see', async () => {
      const response = await request(server).post(
        `${API}/entities/component/default/route-optimizer/rescan`,
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: 'component:default/route-optimizer',
        status: 'analysed',
      });

      const hidden = await request(server)
        .post(`${API}/entities/component/default/legacy-billing-portal/rescan`)
        .set(asOutsider);
      expect(hidden.status).toBe(404);
    });
  });

  it('refuses a rescan without the rescan permission, and returns no data', async () => {
    const server = await startDemoBackend({
      permission: AuthorizeResult.DENY,
    });

    const response = await request(server).post(
      `${API}/entities/component/default/checkout-api/rescan`,
    );

    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    expect(Object.keys(response.body).sort()).toEqual([
      'error',
      'request',
      'response',
    ]);
  });

  it('runs rules that backend modules add through the extension point', async () => {
    const houseRule = defineRule({
      id: 'acme-team-label',
      pillar: 'simplicity',
      severity: 'low',
      appliesTo: ['dockerfile'],
      title: 'Dockerfile without a team label',
      message: 'Label the image with the owning team.',
      rationale: 'On-call needs to know whom to page for an image.',
      remediation: {
        description: 'Add a LABEL.',
        before: 'FROM alpine:3.20',
        after: 'FROM alpine:3.20\nLABEL team=payments',
      },
      equivalents: {},
      check: ({ file }) =>
        file.content.includes('LABEL team=')
          ? []
          : [
              {
                range: {
                  start: { line: 1, column: 1 },
                  end: { line: 1, column: 5 },
                },
              },
            ],
    });
    const server = await startDemoBackend({
      modules: [
        createBackendModule({
          pluginId: 'container-scorecard',
          moduleId: 'acme-rules',
          register(reg) {
            reg.registerInit({
              deps: { rules: containerScorecardRulesExtensionPoint },
              async init({ rules }) {
                rules.addRules(houseRule);
              },
            });
          },
        }),
      ],
    });

    const rules = await request(server).get(`${API}/rules`);
    expect(rules.body.rules.map((r: any) => r.id)).toContain('acme-team-label');
    const scorecard = await request(server).get(
      `${API}/entities/component/default/checkout-api/scorecard`,
    );
    const findings = scorecard.body.files.flatMap((f: any) => f.findings);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'acme-team-label',
        pillar: 'simplicity',
        path: 'Dockerfile',
      }),
    );
  });
});
