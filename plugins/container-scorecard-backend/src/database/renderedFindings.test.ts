import { mockServices } from '@backstage/backend-test-utils';
import type {
  ApiFinding,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const entityRef = 'component:default/returns-portal';

const privileged: ApiFinding = {
  ruleId: 'k8s-privileged-container',
  pillar: 'least-privilege',
  severity: 'critical',
  message: 'Container "portal" runs privileged',
  path: 'chart/values.yaml',
  range: { start: { line: 19, column: 3 }, end: { line: 19, column: 19 } },
  snippet: '  privileged: true',
  url: 'https://github.example/acme/portal/blob/main/chart/values.yaml#L19',
  renderedFrom: {
    renderer: 'helm',
    path: 'chart/templates/deployment.yaml',
    range: { start: { line: 27, column: 1 }, end: { line: 27, column: 53 } },
    renderedSnippet: 'privileged: true',
    valuesPath: 'chart/values.yaml',
    valuesKey: 'securityContext.privileged',
  },
};

const deployment: FileScorecard = {
  path: 'chart/templates/deployment.yaml',
  kind: 'kubernetes',
  status: 'analysed',
  score: 60,
  grade: 'D',
  counts: { ...zero, critical: 1 },
  findings: [privileged],
  rendering: {
    renderer: 'helm',
    unit: 'chart',
    valuesFiles: ['chart/values.yaml'],
    notes: ['The subchart redis was not rendered: ...'],
  },
};

describe('ScorecardStore: results of rendered files', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    "keeps a finding's renderedFrom and url and a file's rendering on %p",
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
        score: 60,
        grade: 'D',
        counts: { ...zero, critical: 1 },
        files: [deployment],
        sourceKey: 'file:/repos/returns-portal|',
      });
      const [file] = await store.getEntityFiles(entityRef, {
        findingsPerFile: 100,
      });
      expect(file.rendering).toEqual(deployment.rendering);
      expect(file.findings).toEqual([privileged]);
      const page = await store.getFileFindings(entityRef, deployment.path, {
        offset: 0,
        limit: 10,
      });
      expect(page?.findings).toEqual([privileged]);
    },
  );
});
