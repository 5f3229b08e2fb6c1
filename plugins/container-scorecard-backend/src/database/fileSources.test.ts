import { mockServices } from '@backstage/backend-test-utils';
import type { FileScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const entityRef = 'component:default/route-optimizer';

const own: FileScorecard = {
  path: 'Dockerfile',
  kind: 'dockerfile',
  status: 'analysed',
  score: 90,
  grade: 'A',
  counts: zero,
  findings: [],
};

const fromDeployRepository: FileScorecard = {
  path: '@northwind-deploy/apps/route-optimizer/deployment.yaml',
  kind: 'kubernetes',
  status: 'analysed',
  score: 80,
  grade: 'B',
  counts: zero,
  findings: [],
  url: 'https://github.example/northwind/deploy/blob/main/apps/route-optimizer/deployment.yaml',
  source: {
    label: 'northwind-deploy',
    location: 'https://github.example/northwind/deploy/tree/main/',
  },
};

describe('ScorecardStore: the source of each file', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    "keeps the extra source a file came from, and none for the entity's own files, on %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      await store.saveResult({
        entityRef,
        status: 'analysed',
        analysedAt: new Date('2026-12-01T10:00:00Z'),
        rulesetVersion: '1',
        score: 85,
        grade: 'B',
        counts: zero,
        files: [own, fromDeployRepository],
        sourceKey: 'url:https://github.example/northwind/route-optimizer|',
      });
      const files = await store.getEntityFiles(entityRef, {
        findingsPerFile: 10,
      });
      const byPath = new Map(files.map(file => [file.path, file]));
      expect(byPath.get(own.path)?.source).toBeUndefined();
      expect(byPath.get(fromDeployRepository.path)?.source).toEqual(
        fromDeployRepository.source,
      );

      // A row stored before sources existed reads as it always did: the @label/ path, no source.
      await knex('container_scorecard_files')
        .where({ path: fromDeployRepository.path })
        .update({ source_label: null, source_location: null });
      const [, old] = await store.getEntityFiles(entityRef, {
        findingsPerFile: 10,
      });
      expect(old.path).toBe(fromDeployRepository.path);
      expect(old).not.toHaveProperty('source');
    },
  );
});
