import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import { catalogWithVisibility } from './__testUtils__/demoCatalog';
import { callAction, connectMcpAs } from './__testUtils__/mcpClient';
import { createTestDatabases } from './__testUtils__/testDatabases';
// The node package's registry fixtures (see imageInspection.test.ts for why relative).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { pushTestImage } from '../../container-scorecard-node/src/images/testing/pushTestImage';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startTestRegistry,
  type TestRegistry,
} from '../../container-scorecard-node/src/images/testing/startTestRegistry';

/*
 * Image findings where the reports list findings: the services failing a rule, the findings
 * CSV and the MCP actions, read through the real plugin from images in a real registry, with
 * the caller's catalog access and the report's scope (SQLite and PostgreSQL).
 */

jest.setTimeout(240_000);

const API = '/api/container-scorecard';
const MEMBER = 'user:default/mock';
const OUTSIDER = 'user:default/outsider';
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const databases = createTestDatabases();

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  };
}

function component(name: string, dir: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'backstage.io/source-location': `file:${dir}/` },
    },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A CSV line's cells (RFC 4180 quoting, as the export writes them). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(?:,|$)/g;
  for (const match of line.matchAll(pattern)) {
    if (match.index === line.length && cells.length) break;
    const cell = match[1];
    cells.push(
      cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell,
    );
  }
  return cells;
}

describe('image findings in the reports and the actions', () => {
  let registry: TestRegistry;
  let root: string;
  let entities: Entity[];
  let rootImage: string;
  let userImage: string;

  beforeAll(async () => {
    registry = await startTestRegistry();
    rootImage = `${registry.host}/reports/root:1`;
    userImage = `${registry.host}/reports/user:1`;
    // Sets no user and was built 400 days ago: image-runs-as-root and image-too-old.
    await pushTestImage(registry.url, 'reports/root', '1', {
      created: new Date(Date.now() - 400 * 24 * 60 * 60 * 1000).toISOString(),
    });
    await pushTestImage(registry.url, 'reports/user', '1', {
      user: 'app',
      created: new Date().toISOString(),
    });
    root = mkdtempSync(join(tmpdir(), 'image-reports-'));
    const service = (name: string, from: string) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM ${from}\nUSER app\nCMD ["/app"]\n`,
      );
      writeFileSync(join(dir, '.dockerignore'), '.git\n');
      return dir;
    };
    entities = [
      component('rooted', service('rooted', rootImage), 'route-planning'),
      component('vault', service('vault', rootImage), 'security'),
      component('runs-as-app', service('runs-as-app', userImage), 'security'),
      group('route-planning'),
      group('security'),
    ];
  });

  afterAll(async () => {
    await registry?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const backends: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(backends.splice(0).map(backend => backend.stop()));
  });

  /** The outsider cannot see the security team's services, as a catalog policy would hide them. */
  async function startBackend(knex: any, imagesOn: boolean) {
    const catalog = catalogWithVisibility(
      entities,
      (user, entity) => user === OUTSIDER && entity.spec?.owner === 'security',
    );
    const backend = await startTestBackend({
      features: [
        containerScorecardPlugin,
        mcpActionsPlugin,
        catalog.factory,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['container-scorecard'] } },
            containerScorecard: {
              localRoots: [root],
              analysis: { workers: 1 },
              notifications: { mode: 'off' },
              ...(imagesOn
                ? {
                    images: {
                      enabled: true,
                      registries: [{ host: registry.host, insecure: true }],
                    },
                  }
                : {}),
            },
          },
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    backends.push(backend);
    const { server } = backend;
    const get = async (path: string, user = MEMBER) => {
      const response = await request(server).get(`${API}${path}`).set(as(user));
      expect(response.status).toBe(200);
      return response;
    };
    const baseUrl = `http://localhost:${
      (server.address() as AddressInfo).port
    }`;
    return { server, get, baseUrl };
  }

  const failingOf = (body: any, ruleId: string) =>
    body.rules.find((rule: any) => rule.ruleId === ruleId);
  const withoutImageRules = (body: any) =>
    body.rules.filter((rule: any) => !rule.ruleId.startsWith('image-'));

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists the services failing an image rule, the image rows of the CSV, and the images in the actions', async () => {
      const knex = await databases.init(databaseId);
      const on = await startBackend(knex, true);
      for (const name of ['rooted', 'vault', 'runs-as-app']) {
        const response = await request(on.server)
          .post(`${API}/entities/component/default/${name}/rescan`)
          .set(as(MEMBER));
        expect(response.status).toBe(200);
      }
      const card: EntityScorecard = (
        await on.get('/entities/component/default/rooted/scorecard')
      ).body;
      const image = card.images!.results[0];
      expect(image).toMatchObject({ reference: rootImage, user: '' });

      // Services failing the rule: those whose images have its findings, with the image.
      const rules = (await on.get('/report/rules')).body;
      expect(failingOf(rules, 'image-runs-as-root')).toEqual({
        ruleId: 'image-runs-as-root',
        services: 2,
        findings: 2,
        points: 0,
        failing: [
          {
            entityRef: 'component:default/rooted',
            findings: 1,
            points: 0,
            images: [rootImage],
          },
          {
            entityRef: 'component:default/vault',
            findings: 1,
            points: 0,
            images: [rootImage],
          },
        ],
      });
      // Hidden services are left out, and a team scope keeps to the team.
      const outsiderRules = (await on.get('/report/rules', OUTSIDER)).body;
      expect(
        failingOf(outsiderRules, 'image-runs-as-root').failing.map(
          (s: any) => s.entityRef,
        ),
      ).toEqual(['component:default/rooted']);
      const scoped = (
        await on.get(
          `/report/rules?group=${encodeURIComponent('group:default/security')}`,
        )
      ).body;
      expect(
        failingOf(scoped, 'image-too-old').failing.map((s: any) => s.entityRef),
      ).toEqual(['component:default/vault']);

      // The findings export: the image's findings follow the definitions', marked as such.
      const csv = (await on.get('/report/findings.csv')).text;
      const [header, ...lines] = csv.trim().split('\r\n');
      const columns = cellsOf(header);
      const row = (cells: string[]) =>
        Object.fromEntries(columns.map((name, i) => [name, cells[i]]));
      const imageRows = lines.map(cellsOf).map(row);
      const rootRow = imageRows.find(
        r =>
          r.entity_ref === 'component:default/rooted' &&
          r.rule_id === 'image-runs-as-root',
      );
      expect(rootRow).toEqual({
        entity_ref: 'component:default/rooted',
        title: '',
        owner: 'group:default/route-planning',
        path: rootImage,
        line: '',
        rule_id: 'image-runs-as-root',
        pillar: 'least-privilege',
        severity: 'high',
        points: '0',
        message: image.findings.find(f => f.ruleId === 'image-runs-as-root')!
          .message,
        fixable: 'no',
        waived: 'no',
        kind: 'image',
      });
      const rootedRows = imageRows.filter(
        r => r.entity_ref === 'component:default/rooted',
      );
      expect(rootedRows.filter(r => r.kind === 'image')).toHaveLength(
        image.findings.length,
      );
      // Definitions first, each with its file.
      expect(rootedRows[0]).toMatchObject({ kind: 'definition' });
      expect(rootedRows[0].path).toBe('Dockerfile');
      expect(
        imageRows.filter(
          r =>
            r.entity_ref === 'component:default/runs-as-app' &&
            r.rule_id === 'image-runs-as-root',
        ),
      ).toEqual([]);
      const outsiderCsv = (await on.get('/report/findings.csv', OUTSIDER)).text;
      expect(outsiderCsv).not.toContain('component:default/vault');

      // The actions: the scorecard's images, failing services and what to fix first.
      const member = await connectMcpAs(on.baseUrl, MEMBER);
      const outsider = await connectMcpAs(on.baseUrl, OUTSIDER);
      try {
        const scorecard = await callAction(member, 'get-entity-scorecard', {
          entityRef: 'rooted',
        });
        expect(scorecard.output.images.results).toEqual([
          {
            reference: rootImage,
            status: 'inspected',
            score: image.score,
            grade: expect.stringMatching(/^[A-F]$/),
            counts: image.counts,
            user: '',
            ageDays: 400,
            signed: false,
          },
        ]);
        expect(scorecard.output.images.note).toMatch(/do not change/);
        expect(scorecard.output.score).toBe(card.score);

        const failing = await callAction(member, 'list-services-failing-rule', {
          ruleId: 'image-runs-as-root',
        });
        expect(failing.output).toMatchObject({
          failingServices: 2,
          findings: 2,
          note: expect.stringMatching(/cost no points/),
        });
        expect(failing.output.services[0]).toEqual({
          entityRef: 'component:default/rooted',
          findings: 1,
          points: 0,
          images: [rootImage],
        });
        const hidden = await callAction(
          outsider,
          'list-services-failing-rule',
          { ruleId: 'image-runs-as-root' },
        );
        expect(hidden.output.services.map((s: any) => s.entityRef)).toEqual([
          'component:default/rooted',
        ]);

        const plan = await callAction(member, 'what-to-fix-first', {
          entityRef: 'rooted',
        });
        expect(plan.output.imageFindingsTotal).toBe(image.findings.length);
        expect(plan.output.imageFindings[0]).toEqual({
          reference: rootImage,
          ruleId: 'image-runs-as-root',
          severity: 'high',
          message: expect.any(String),
        });
        expect(plan.output.summary).toMatch(
          new RegExp(
            `Its images also have ${image.findings.length} finding\\(s\\).*do not change`,
          ),
        );
        expect(plan.output.rules.map((r: any) => r.ruleId)).toContain(
          'image-runs-as-root',
        );
      } finally {
        await Promise.all([member.close(), outsider.close()]);
      }

      // Turned off on the same database: the stored images are no longer reported anywhere,
      // and the definition rules' failures are the same as with images.
      const off = await startBackend(knex, false);
      const offRules = (await off.get('/report/rules')).body;
      expect(failingOf(offRules, 'image-runs-as-root')).toBeUndefined();
      expect(withoutImageRules(offRules)).toEqual(withoutImageRules(rules));
      expect((await off.get('/report/findings.csv')).text).not.toMatch(
        /,image\r\n/,
      );
      const member2 = await connectMcpAs(off.baseUrl, MEMBER);
      try {
        const offFailing = await callAction(
          member2,
          'list-services-failing-rule',
          { ruleId: 'image-runs-as-root' },
        );
        expect(offFailing.output).toMatchObject({
          failingServices: 0,
          services: [],
          note: expect.stringMatching(/inspection is off/),
        });
        const offCard = await callAction(member2, 'get-entity-scorecard', {
          entityRef: 'rooted',
        });
        expect(offCard.output.images).toBeUndefined();
      } finally {
        await member2.close();
      }
    });
  });
});
