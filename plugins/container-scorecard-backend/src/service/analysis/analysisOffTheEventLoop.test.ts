import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  analysisTestRules,
  createNodeScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-node';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import type { RepositoryReader } from '../reading/createRepositoryReader';
import { ScanService } from '../scanning/ScanService';
import {
  createEntityAnalyzer,
  type EntityAnalyzer,
} from './createEntityAnalyzer';

jest.setTimeout(120_000);

const testHooks = { slowFileMarker: 'SLOW' };
const DOCKERFILE = 'FROM node:latest\nCMD node server.js\n';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'slow',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/acme/slow/tree/main/',
    },
  },
  spec: { owner: 'team-a', type: 'service' },
};

/** Hands over a fixed tree: this test is about analysis, not reading. */
const reader: RepositoryReader = {
  read: async () => ({
    etag: 'e1',
    files: [
      { path: 'Dockerfile', content: DOCKERFILE },
      { path: 'SLOW/Dockerfile', content: DOCKERFILE },
    ],
    oversized: [],
  }),
};

describe('analysis off the event loop', () => {
  // One database is enough: this is about the event loop, not the store.
  const databases = createTestDatabases();
  let analyzer: EntityAnalyzer | undefined;

  afterEach(async () => {
    await analyzer?.close();
  });

  async function setup(deadlines: {
    fileTimeoutMs: number;
    entityTimeoutMs: number;
  }) {
    const knex = await databases.init('SQLITE_3');
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const engine = await createNodeScorecardEngine({
      extraRules: analysisTestRules(testHooks),
    });
    analyzer = createEntityAnalyzer({
      options: { workers: 1, maxOldGenerationSizeMb: 256, ...deadlines },
      engine,
      engineConfig: {},
      ruleModules: [],
      extraRules: [],
      logger: mockServices.logger.mock(),
      testHooks,
    });
    const scanService = new ScanService({
      store,
      engine,
      analyzer,
      reader,
      catalog: catalogServiceMock({ entities: [entity] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      options: {
        filter: { kind: 'Component' },
        concurrency: 1,
        entityTimeoutMs: 10_000,
        retentionDays: 400,
        maxFileBytes: 64 * 1024,
      },
    });
    return { store, scanService };
  }

  it('keeps the event loop ticking while a file that never yields is analysed', async () => {
    const { store, scanService } = await setup({
      fileTimeoutMs: 1_500,
      entityTimeoutMs: 60_000,
    });

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    let outcome;
    try {
      outcome = await scanService.rescan('component:default/slow');
    } finally {
      clearInterval(ticker);
    }

    // The slow file held a worker for at least the file timeout (1.5 s, 150 intervals): had it
    // run on this thread, not one tick could have happened, and the scan would never end.
    expect(ticks).toBeGreaterThan(30);
    expect(outcome).toMatchObject({ outcome: 'analysed', files: 2 });
    const files = await store.getEntityFiles('component:default/slow');
    expect(files.map(f => [f.path, f.status, f.error])).toEqual([
      ['Dockerfile', 'analysed', undefined],
      [
        'SLOW/Dockerfile',
        'could-not-analyse',
        'analysis-timeout: The analysis took longer than 1.5 s and was stopped.',
      ],
    ]);
  });

  it('stores a partial result naming the entity deadline when the entity runs out of time', async () => {
    const { store, scanService } = await setup({
      fileTimeoutMs: 60_000,
      entityTimeoutMs: 1_000,
    });

    const outcome = await scanService.rescan('component:default/slow');

    expect(outcome).toMatchObject({ outcome: 'analysed' });
    const summary = await store.getEntitySummary('component:default/slow');
    expect(summary?.partial).toEqual([
      {
        limit: 'entity-timeout',
        omitted: 1,
        message: expect.stringContaining('longer than 1 s'),
      },
    ]);
    const files = await store.getEntityFiles('component:default/slow');
    expect(files.map(f => [f.path, f.status])).toEqual([
      ['Dockerfile', 'analysed'],
      ['SLOW/Dockerfile', 'could-not-analyse'],
    ]);
  });
});
