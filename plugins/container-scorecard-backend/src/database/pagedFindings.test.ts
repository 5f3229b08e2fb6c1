import { mockServices } from '@backstage/backend-test-utils';
import type {
  ApiFinding,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const entityRef = 'component:default/big-compose';

function findingAt(path: string, line: number): ApiFinding {
  return {
    ruleId: 'compose-no-healthcheck',
    pillar: 'lifecycle',
    severity: 'low',
    message: `Service ${line} has no health check`,
    path,
    range: { start: { line, column: 1 }, end: { line, column: 5 } },
    snippet: `svc${line}:`,
  };
}

function fileWith(path: string, count: number): FileScorecard {
  return {
    path,
    kind: 'compose',
    status: 'analysed',
    score: 40,
    grade: 'F',
    counts: { ...zero, low: count },
    findings: Array.from({ length: count }, (_, i) => findingAt(path, i + 1)),
  };
}

describe('ScorecardStore: paged findings and partial results', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'keeps the first findings of each file with its total, pages the rest, and returns partial notices on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const entityLimit = {
        limit: 'repository-files',
        message:
          'Only the first 20000 entries of the repository were looked at',
        omitted: 1,
      };
      const fileLimit = {
        limit: 'findings-per-rule',
        message: 'compose-no-healthcheck: 10 more findings not listed',
        omitted: 10,
      };
      await store.saveResult({
        entityRef,
        status: 'analysed',
        analysedAt: new Date('2026-11-20T10:00:00Z'),
        rulesetVersion: '1',
        score: 40,
        grade: 'F',
        counts: { ...zero, low: 253 },
        files: [
          { ...fileWith('compose.yaml', 250), partial: [fileLimit] },
          fileWith('docker-compose.prod.yml', 3),
        ],
        sourceKey: 'url:https://example.com/big',
        partial: [entityLimit],
      });

      const files = await store.getEntityFiles(entityRef, {
        findingsPerFile: 100,
      });
      expect(
        files.map(f => [f.path, f.findings.length, f.findingsTotal]),
      ).toEqual([
        ['compose.yaml', 100, 250],
        ['docker-compose.prod.yml', 3, 3],
      ]);
      expect(files[0].findings[99].range.start.line).toBe(100);
      expect(files[0].partial).toEqual([fileLimit]);
      expect(files[1].partial).toBeUndefined();
      expect((await store.getEntitySummary(entityRef))?.partial).toEqual([
        entityLimit,
      ]);

      const page = await store.getFileFindings(entityRef, 'compose.yaml', {
        offset: 200,
        limit: 100,
      });
      expect(page?.total).toBe(250);
      expect(page?.findings.map(f => f.range.start.line)).toEqual(
        Array.from({ length: 50 }, (_, i) => 201 + i),
      );
      expect(
        await store.getFileFindings(entityRef, 'missing.yaml', {
          offset: 0,
          limit: 10,
        }),
      ).toBeUndefined();
      expect(
        (
          await store.getFileFindings(entityRef, 'compose.yaml', {
            offset: 300,
            limit: 10,
          })
        )?.findings,
      ).toEqual([]);
    },
  );
});
