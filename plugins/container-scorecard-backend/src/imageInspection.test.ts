import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  EntityScorecard,
  ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import { createTestDatabases } from './__testUtils__/testDatabases';
// The node package's registry fixtures: a real Debian docker-registry and a builder that pushes
// images through its HTTP API. Test-only code the package does not publish, hence the relative
// imports of its source; one copy of the fixtures for both packages' tests.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  pushCosignSignature,
  pushTestImage,
} from '../../container-scorecard-node/src/images/testing/pushTestImage';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startTestRegistry,
  type TestRegistry,
} from '../../container-scorecard-node/src/images/testing/startTestRegistry';

/*
 * Image inspection through the real plugin: scans read images from a real registry, store them
 * (SQLite and PostgreSQL) and serve them on the scorecard route. Registry faults the real
 * registry will not produce on demand are the node package's msw tests.
 */

jest.setTimeout(240_000);

const API = '/api/container-scorecard';
const auth = { Authorization: mockCredentials.user.header() };
const databases = createTestDatabases();

const TEAM: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'route-planning' },
  spec: { type: 'team', children: [] },
};

function component(
  name: string,
  dir: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/source-location': `file:${dir}/`,
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'route-planning', lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/route-planning' }],
  };
}

/** A loopback port nothing listens on: the registry that refuses every connection. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('image inspection in scans', () => {
  let registry: TestRegistry;
  let root: string;
  let entities: Entity[];
  let refusingHost: string;

  beforeAll(async () => {
    registry = await startTestRegistry();
    refusingHost = `127.0.0.1:${await closedPort()}`;
    const day = 24 * 60 * 60 * 1000;
    // A base that sets no user: the registry confirms the Dockerfile's missing USER.
    await pushTestImage(registry.url, 'team/base', '1', {
      created: new Date(Date.now() - 400 * day).toISOString(),
    });
    // A base that runs as a user of its own: the registry settles the missing USER.
    await pushTestImage(registry.url, 'team/nonroot-base', '1', {
      user: '1000',
      created: new Date().toISOString(),
    });
    const app = await pushTestImage(registry.url, 'team/app', '1', {
      user: 'app',
      entrypoint: ['/app'],
      healthcheck: ['CMD', '/app', 'health'],
      labels: {
        'org.opencontainers.image.source': 'https://example.test/app',
        'org.opencontainers.image.revision': 'abc',
      },
      created: new Date().toISOString(),
    });
    await pushCosignSignature(registry.url, 'team/app', app.digest);
    await pushCosignSignature(registry.url, 'team/app', app.digest, 'sbom');

    root = mkdtempSync(join(tmpdir(), 'image-inspection-'));
    const write = (name: string, files: Record<string, string>) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      for (const [path, text] of Object.entries(files)) {
        writeFileSync(join(dir, path), text);
      }
      return dir;
    };
    const checkout = write('checkout', {
      Dockerfile: [
        `FROM ${registry.host}/team/base:1 AS build`,
        'RUN make',
        `FROM ${registry.host}/team/base:1`,
        'COPY --from=build /out /app',
        'CMD ["/app"]',
        '',
      ].join('\n'),
      'compose.yaml': `services:\n  app:\n    image: ${registry.host}/team/app:1\n    read_only: true\n`,
      '.dockerignore': '.git\n',
    });
    const settled = write('settled', {
      Dockerfile: [
        `FROM ${registry.host}/team/nonroot-base:1`,
        'CMD ["/app"]',
        '',
      ].join('\n'),
      '.dockerignore': '.git\n',
    });
    const refused = write('refused', {
      Dockerfile: [`FROM ${refusingHost}/team/base:1`, 'CMD ["/app"]', ''].join(
        '\n',
      ),
      '.dockerignore': '.git\n',
    });
    entities = [
      component('checkout', checkout, {
        'container-scorecard.io/images': `\${SIDECAR}, ghcr.io/acme/proxy:2, ${registry.host}/team/app:1`,
      }),
      component('settled', settled),
      component('refused', refused),
      TEAM,
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

  async function startBackend(
    databaseId: any,
    images: object | undefined,
    sameDatabase?: Awaited<ReturnType<typeof databases.init>>,
  ) {
    const knex = sameDatabase ?? (await databases.init(databaseId));
    const backend = await startTestBackend({
      features: [
        containerScorecardPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            containerScorecard: {
              localRoots: [root],
              analysis: { workers: 1 },
              ...(images ? { images } : {}),
            },
          },
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    backends.push(backend);
    const { server } = backend;
    const rescan = async (name: string): Promise<EntityScorecard> => {
      const response = await request(server)
        .post(`${API}/entities/component/default/${name}/rescan`)
        .set(auth);
      expect(response.status).toBe(200);
      return response.body;
    };
    const scorecard = async (name: string): Promise<EntityScorecard> => {
      const response = await request(server)
        .get(`${API}/entities/component/default/${name}/scorecard`)
        .set(auth);
      expect(response.status).toBe(200);
      return response.body;
    };
    return { server, rescan, scorecard, knex };
  }

  const imagesOn = (host: string) => ({
    enabled: true,
    registries: [{ host, insecure: true }],
  });
  const imageOf = (card: EntityScorecard, reference: string): ImageResult => {
    const found = card.images?.results.find(r => r.reference === reference);
    if (!found) throw new Error(`no image ${reference} in ${card.entityRef}`);
    return found;
  };
  const ruleIdsOf = (image: ImageResult) => image.findings.map(f => f.ruleId);
  const definitionsOf = (card: EntityScorecard) => ({
    status: card.status,
    score: card.score,
    grade: card.grade,
    pillarScores: card.pillarScores,
    files: card.files,
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('inspects, stores and serves the images of the definitions and the annotation', async () => {
      const off = await startBackend(databaseId, undefined);
      const withoutImages = await off.rescan('checkout');
      expect(withoutImages.images).toBeUndefined();

      const { rescan, scorecard, server } = await startBackend(
        databaseId,
        imagesOn(registry.host),
      );
      await rescan('checkout');
      const card = await scorecard('checkout');
      const images = card.images!;
      expect(Date.parse(images.inspectedAt)).not.toBeNaN();

      // The builder stage's FROM does not run; the final stage's base, compose's image and
      // the annotation's, each once with everything that names it.
      expect(
        images.results
          .map(r => [r.reference, r.status, [...r.usedBy].sort()])
          .sort(),
      ).toEqual([
        [`${registry.host}/team/app:1`, 'inspected', ['annotation', 'compose']],
        [`${registry.host}/team/base:1`, 'inspected', ['dockerfile']],
      ]);
      expect(images.notInspected).toEqual([
        {
          reference: '${SIDECAR}',
          reason: '"${SIDECAR}" is not a literal image reference',
        },
        {
          reference: 'ghcr.io/acme/proxy:2',
          reason: 'ghcr.io is not a configured registry',
        },
      ]);

      const base = imageOf(card, `${registry.host}/team/base:1`);
      expect(base).toMatchObject({ user: '', signed: false, layerCount: 1 });
      expect(base.platforms).toEqual(['linux/amd64']);
      expect(base.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(ruleIdsOf(base)).toEqual(
        expect.arrayContaining([
          'image-runs-as-root',
          'image-too-old',
          'image-not-signed',
        ]),
      );
      expect(ruleIdsOf(base)).not.toContain('image-tag-moved');
      const app = imageOf(card, `${registry.host}/team/app:1`);
      expect(app).toMatchObject({ user: 'app', signed: true });
      expect(ruleIdsOf(app)).not.toContain('image-runs-as-root');
      expect(ruleIdsOf(app)).not.toContain('image-not-signed');
      expect(app.score).toBeGreaterThan(base.score!);

      // The registry confirms the Dockerfile's missing USER; the definitions' score is the
      // same as without images, and the image findings are counted with the definitions'.
      const dockerfile = card.files.find(f => f.path === 'Dockerfile')!;
      const noUser = dockerfile.findings.find(
        f => f.ruleId === 'no-user-in-final-stage',
      );
      expect(noUser?.message).toMatch(/The registry confirms it/);
      expect(card.score).toBe(withoutImages.score);
      const imageCounts = images.results.reduce(
        (sum, r) => sum + Object.values(r.counts).reduce((a, b) => a + b, 0),
        0,
      );
      const total = (c: EntityScorecard) =>
        Object.values(c.counts).reduce((a, b) => a + b, 0);
      expect(imageCounts).toBeGreaterThan(0);
      expect(total(card)).toBe(total(withoutImages) + imageCounts);
      expect(card.counts.high).toBe(
        withoutImages.counts.high +
          images.results.reduce((sum, r) => sum + r.counts.high, 0),
      );

      // The team view counts them too.
      const team = await request(server)
        .get(`${API}/teams/default/route-planning/scorecard`)
        .set(auth);
      expect(team.status).toBe(200);
      const row = team.body.services.items.find(
        (s: { entityRef: string }) =>
          s.entityRef === 'component:default/checkout',
      );
      expect(row.counts).toEqual(card.counts);

      // And the report's CSV.
      const csv = await request(server)
        .get(`${API}/report/export.csv`)
        .set(auth);
      expect(csv.status).toBe(200);
      const [header, ...lines] = csv.text.trim().split('\r\n');
      const columns = header.split(',');
      const cells = lines
        .find(line => line.startsWith('component:default/checkout,'))!
        .split(',');
      for (const severity of ['critical', 'high', 'medium', 'low'] as const) {
        expect(Number(cells[columns.indexOf(severity)])).toBe(
          card.counts[severity],
        );
      }
    });

    it('settles the missing USER with a base image that runs as a user of its own', async () => {
      const off = await startBackend(databaseId, undefined);
      const before = await off.rescan('settled');
      const beforeFinding = before.files[0].findings.find(
        f => f.ruleId === 'no-user-in-final-stage',
      );
      expect(beforeFinding).toBeDefined();

      const on = await startBackend(databaseId, imagesOn(registry.host));
      const after = await on.rescan('settled');
      expect(after.files[0].findings.map(f => f.ruleId)).not.toContain(
        'no-user-in-final-stage',
      );
      expect(after.score).toBe(
        Math.min(100, before.score! + (beforeFinding!.penalty ?? 0)),
      );
      expect(imageOf(after, `${registry.host}/team/nonroot-base:1`).user).toBe(
        '1000',
      );
    });

    it('reports a tag moved between two scans', async () => {
      const repository = `team/moving-${databaseId.toLowerCase()}`;
      const reference = `${registry.host}/${repository}:1`;
      await pushTestImage(registry.url, repository, '1', { user: 'app' });
      const dir = join(root, `moving-${databaseId}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM ${reference}\nUSER app\nCMD ["/app"]\n`,
      );
      entities.push(component(`moving-${databaseId.toLowerCase()}`, dir));
      const { rescan } = await startBackend(
        databaseId,
        imagesOn(registry.host),
      );
      const name = `moving-${databaseId.toLowerCase()}`;
      const first = imageOf(await rescan(name), reference);
      expect(ruleIdsOf(first)).not.toContain('image-tag-moved');

      // The same tag, rebuilt: another config, another digest.
      await pushTestImage(registry.url, repository, '1', {
        user: 'app',
        labels: { rebuilt: 'yes' },
      });
      const second = imageOf(await rescan(name), reference);
      expect(second.digest).not.toBe(first.digest);
      const moved = second.findings.find(f => f.ruleId === 'image-tag-moved');
      expect(moved).toBeDefined();

      // Scanned again without a move, the tag is stable again.
      const third = imageOf(await rescan(name), reference);
      expect(ruleIdsOf(third)).not.toContain('image-tag-moved');
    });

    it('leaves the definition scores alone when the registry refuses connections', async () => {
      const off = await startBackend(databaseId, undefined);
      const without = await off.rescan('refused');
      const on = await startBackend(databaseId, imagesOn(refusingHost));
      const withRefusal = await on.rescan('refused');

      expect(definitionsOf(withRefusal)).toEqual(definitionsOf(without));
      expect(withRefusal.counts).toEqual(without.counts);
      const [image] = withRefusal.images!.results;
      expect(image).toMatchObject({
        reference: `${refusingHost}/team/base:1`,
        status: 'failed',
        findings: [],
      });
      expect(image.score).toBeUndefined();
      expect(image.reason).toMatch(/could not be reached|ECONNREFUSED/);
    });

    it('sends no images when inspection is off, even where stored ones exist', async () => {
      const on = await startBackend(databaseId, imagesOn(registry.host));
      expect((await on.rescan('checkout')).images).toBeDefined();
      // The plugin restarted with inspection turned off, on the same database.
      const restarted = await startBackend(databaseId, undefined, on.knex);
      expect((await restarted.scorecard('checkout')).images).toBeUndefined();
      expect((await restarted.rescan('checkout')).images).toBeUndefined();
      const response = await request(restarted.server)
        .get(`${API}/entities/component/default/unknown/scorecard`)
        .set(auth);
      expect(response.status).toBe(404);
    });
  });
});
