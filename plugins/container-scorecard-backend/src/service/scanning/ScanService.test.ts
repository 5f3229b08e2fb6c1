import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ScorecardEngine } from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { setupServer } from 'msw/node';
import { ScorecardStore } from '../../database/ScorecardStore';
import {
  createGithubUrlReader,
  FakeGithub,
} from '../../__testUtils__/fakeGithub';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createRepositoryReader } from '../reading/createRepositoryReader';
import { ScanService } from './ScanService';

jest.setTimeout(120_000);

const GOOD_DOCKERFILE = [
  `FROM node:22.11-alpine@sha256:${'a'.repeat(64)}`,
  'WORKDIR /app',
  'COPY --chown=node:node . .',
  'USER node',
  'HEALTHCHECK CMD ["node", "health.js"]',
  'CMD ["node", "index.js"]',
  '',
].join('\n');
const BAD_DOCKERFILE =
  'FROM ubuntu\nRUN apt-get update && apt-get upgrade -y\nCMD supervisord\n';

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/source-location': `url:https://github.com/acme/${name}/tree/main/`,
        ...annotations,
      },
    },
    spec: { owner: 'team-a', type: 'service' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  };
}

describe('ScanService', () => {
  const databases = createTestDatabases();
  const github = new FakeGithub();
  const server = setupServer(...github.handlers());
  let engine: ScorecardEngine;

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    engine = await createNodeScorecardEngine();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    github.repos.clear();
    github.faults.clear();
    github.requests.status = 0;
    github.requests.tarball = 0;
    github.repos.set('acme/good', {
      sha: 'g1',
      files: { Dockerfile: GOOD_DOCKERFILE, '.dockerignore': '.git\n' },
    });
    github.repos.set('acme/bad', {
      sha: 'b1',
      files: { Dockerfile: BAD_DOCKERFILE, 'README.md': '# bad\n' },
    });
  });

  async function setup(
    databaseId: TestDatabaseId,
    entities: Entity[] = [component('good'), component('bad')],
    options: { entityTimeoutMs?: number } = {},
  ) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const create = () =>
      new ScanService({
        store,
        engine,
        reader: createRepositoryReader({
          urlReader: createGithubUrlReader(),
          localRoots: [],
          maxFileBytes: 64 * 1024,
          retry: { attempts: 1, baseDelayMs: 5 },
        }),
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        options: {
          filter: { kind: 'Component' },
          concurrency: 2,
          entityTimeoutMs: options.entityTimeoutMs ?? 10_000,
          retentionDays: 400,
          maxFileBytes: 64 * 1024,
        },
      });
    return { knex, store, scanService: create(), create };
  }

  it.each(databases.eachSupportedId())(
    'scans every entity, then skips unchanged repositories at the cost of one call each on %p',
    async databaseId => {
      const { store, scanService } = await setup(databaseId);

      const first = await scanService.scanAll();
      expect(first).toMatchObject({ entities: 2, unchanged: 0, errors: 0 });
      const good = await store.getEntitySummary('component:default/good');
      const bad = await store.getEntitySummary('component:default/bad');
      expect(good).toMatchObject({ status: 'analysed', etag: 'g1' });
      expect(bad!.score!).toBeLessThan(good!.score!);
      expect(github.requests.tarball).toBe(2);

      const second = await scanService.scanAll();
      expect(second).toMatchObject({ entities: 2, unchanged: 2, errors: 0 });
      expect(github.requests.tarball).toBe(2);

      github.repos.get('acme/bad')!.sha = 'b2';
      github.repos.get('acme/bad')!.files.Dockerfile = GOOD_DOCKERFILE;
      const third = await scanService.scanAll();
      expect(third).toMatchObject({ unchanged: 1 });
      expect(
        (await store.getEntitySummary('component:default/bad'))!.score,
      ).toBe(good!.score);
    },
  );

  it.each(databases.eachSupportedId())(
    'records SCM failures as "could not analyse" and keeps the last good result visible on %p',
    async databaseId => {
      const { store, scanService } = await setup(databaseId);
      await scanService.scanAll();
      const before = await store.getEntitySummary('component:default/good');

      github.faults.set('acme/good', [{ status: 500 }, { status: 500 }]);
      github.faults.set('acme/bad', [{ status: 401 }]);
      const run = await scanService.scanAll();

      expect(run.errors).toBe(2);
      const good = await store.getEntitySummary('component:default/good');
      expect(good).toMatchObject({
        status: 'could-not-analyse',
        error: expect.stringMatching(/\(500\)/),
        score: before!.score,
        grade: before!.grade,
      });
      expect(await store.getEntityFiles('component:default/good')).toHaveLength(
        1,
      );
      expect(
        (await store.getEntitySummary('component:default/bad'))!.error,
      ).toMatch(/Not authorised.*\(401\)/);

      // The repository answers again and has not changed: the stored result is current again.
      await scanService.scanAll();
      expect(
        await store.getEntitySummary('component:default/good'),
      ).toMatchObject({ status: 'analysed', error: undefined });
    },
  );

  it.each(databases.eachSupportedId())(
    'times out one slow repository without holding up the others on %p',
    async databaseId => {
      const { store, scanService } = await setup(databaseId, undefined, {
        entityTimeoutMs: 300,
      });
      github.faults.set('acme/good', [{ delayMs: 3_000 }]);

      const run = await scanService.scanAll();

      expect(run).toMatchObject({ entities: 2, errors: 1 });
      expect(
        (await store.getEntitySummary('component:default/good'))!.error,
      ).toMatch(/Timed out.*300 ms/);
      expect(
        (await store.getEntitySummary('component:default/bad'))!.status,
      ).toBe('analysed');
    },
  );

  it.each(databases.eachSupportedId())(
    'survives a database failure mid-scan with the previous results intact on %p',
    async databaseId => {
      const { knex, store, scanService } = await setup(databaseId);
      await scanService.scanAll();
      const before = await store.getEntitySummary('component:default/bad');
      const filesBefore = await store.getEntityFiles('component:default/bad');

      // The findings table vanishes: every write of a changed result fails half way.
      github.repos.get('acme/bad')!.sha = 'b2';
      github.repos.get('acme/bad')!.files.Dockerfile = GOOD_DOCKERFILE;
      await knex.schema.renameTable(
        'container_scorecard_findings',
        'container_scorecard_findings_gone',
      );
      const run = await scanService.scanAll();
      await knex.schema.renameTable(
        'container_scorecard_findings_gone',
        'container_scorecard_findings',
      );

      expect(run).toMatchObject({ entities: 2, unchanged: 1, errors: 1 });
      expect(
        await store.getEntitySummary('component:default/bad'),
      ).toMatchObject({ score: before!.score, etag: 'b1' });
      expect(await store.getEntityFiles('component:default/bad')).toEqual(
        filesBefore,
      );

      // Once the database is back, the next run picks the change up.
      await scanService.scanAll();
      expect(
        (await store.getEntitySummary('component:default/bad'))!.etag,
      ).toBe('b2');
    },
  );

  it.each(databases.eachSupportedId())(
    'answers a rescan it cannot queue with 503 in plain words, and rescans once the queue is back, on %p',
    async databaseId => {
      const { knex, store, scanService } = await setup(databaseId);
      await scanService.scanAll();
      github.repos.get('acme/bad')!.files.Dockerfile = GOOD_DOCKERFILE;
      github.repos.get('acme/bad')!.sha = 'b2';

      await knex.schema.renameTable(
        'container_scorecard_queue',
        'container_scorecard_queue_gone',
      );
      const refused = await scanService
        .rescan('component:default/bad')
        .catch(error => error);
      await knex.schema.renameTable(
        'container_scorecard_queue_gone',
        'container_scorecard_queue',
      );
      expect(refused).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/could not be queued/),
      });
      // No SQL statement reaches the caller.
      expect(refused.message).not.toMatch(/\b(select|insert|update)\b/i);
      expect(
        await store.getEntitySummary('component:default/bad'),
      ).toMatchObject({ etag: 'b1' });

      expect(await scanService.rescan('component:default/bad')).toMatchObject({
        outcome: 'analysed',
      });
      expect(
        await store.getEntitySummary('component:default/bad'),
      ).toMatchObject({ etag: 'b2' });
    },
  );

  it.each(databases.eachSupportedId())(
    'lets racing scans share the work, and racing replicas never mix their files on %p',
    async databaseId => {
      const { store, scanService, create } = await setup(databaseId);

      const [a, b] = await Promise.all([
        scanService.scanAll(),
        scanService.scanAll(),
      ]);
      expect(a.id).toBe(b.id);
      expect(github.requests.tarball).toBe(2);

      const [rescan, again] = await Promise.all([
        scanService.rescan('component:default/bad'),
        scanService.rescan('component:default/bad'),
      ]);
      expect(rescan).toBe(again);

      // Two replicas (two services over one database) rewrite the same entities at once.
      github.repos.get('acme/good')!.sha = 'g2';
      github.repos.get('acme/bad')!.sha = 'b2';
      await Promise.all([create().scanAll(), create().scanAll()]);
      expect(await store.getEntityFiles('component:default/good')).toHaveLength(
        1,
      );
      expect(await store.getEntityFiles('component:default/bad')).toHaveLength(
        1,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'turns hostile repositories and annotations into clear errors, never a crash, on %p',
    async databaseId => {
      github.repos.set('acme/hostile', {
        sha: 'h1',
        files: {
          Dockerfile: `FROM alpine\n${'\u0000\u0001\u0002binary'.repeat(50)}`,
          'compose.yaml': 'services:\n  web: [unclosed\n',
          'k8s/bomb.yaml':
            'a: &a ["x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d]\nkind: Deployment\napiVersion: apps/v1\n',
          'Dockerfile.huge': `FROM alpine\n${'RUN true\n'.repeat(10_000)}`,
        },
      });
      const { store, scanService } = await setup(databaseId, [
        component('hostile'),
        component('odd', {
          'backstage.io/source-location': 'url:javascript:alert(1)',
        }),
        component('missing'),
      ]);

      const run = await scanService.scanAll();

      expect(run).toMatchObject({ entities: 3, errors: 2 });
      const files = await store.getEntityFiles('component:default/hostile');
      expect(files.find(f => f.path === 'Dockerfile.huge')).toMatchObject({
        status: 'could-not-analyse',
        error: expect.stringMatching(/above the limit/),
      });
      expect(files.find(f => f.path === 'compose.yaml')).toMatchObject({
        status: 'could-not-analyse',
        error: expect.any(String),
      });
      expect(
        (await store.getEntitySummary('component:default/odd'))!.error,
      ).toMatch(/only http\(s\)/);
      expect(
        (await store.getEntitySummary('component:default/missing'))!.error,
      ).toMatch(/\(404\)/);
    },
  );
});
