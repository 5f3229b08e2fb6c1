import { mockServices } from '@backstage/backend-test-utils';
import type { ApiFinding } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { buildEntityScorecard } from './buildEntityScorecard';

jest.setTimeout(60_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

function finding(
  ruleId: string,
  severity: ApiFinding['severity'],
  line: number,
  penalty: number,
): ApiFinding {
  return {
    ruleId,
    pillar: 'least-privilege',
    severity,
    message: `${ruleId} at ${line}`,
    path: 'Dockerfile',
    range: { start: { line, column: 1 }, end: { line, column: 5 } },
    snippet: 'RUN x',
    penalty,
  };
}

describe('buildEntityScorecard', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'plans the fewest fixes to the next grade over every finding, not only the first page, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      // 100 − (40 + 20 + 10 + 3) = 27 (F). Fixing the critical gives 67 (C) — one fix for D.
      const findings = [
        finding('no-sudo', 'low', 1, 3),
        finding('expose-ssh', 'high', 2, 20),
        finding('expose-ssh', 'high', 3, 10),
        finding('root-user', 'critical', 9, 40),
      ];
      await store.saveResult({
        entityRef: 'component:default/legacy',
        status: 'analysed',
        analysedAt: new Date(),
        rulesetVersion: '1',
        score: 27,
        grade: 'F',
        counts: { ...zero, critical: 1, high: 2, low: 1 },
        files: [
          {
            path: 'Dockerfile',
            kind: 'dockerfile',
            status: 'analysed',
            score: 27,
            grade: 'F',
            counts: { ...zero, critical: 1, high: 2, low: 1 },
            findings,
          },
        ],
        sourceKey: 'url:https://example.com/legacy',
      });

      const scorecard = await buildEntityScorecard(
        store,
        'component:default/legacy',
        { findingsPerFile: 2 },
      );
      expect(scorecard.files[0].findings).toHaveLength(2);
      expect(scorecard.files[0].findingsTotal).toBe(4);
      expect(scorecard.nextGrade).toEqual({
        grade: 'D',
        score: 67,
        findings: [
          {
            ruleId: 'root-user',
            severity: 'critical',
            message: 'root-user at 9',
            path: 'Dockerfile',
            range: {
              start: { line: 9, column: 1 },
              end: { line: 9, column: 5 },
            },
            penalty: 40,
          },
        ],
      });
    },
  );
});
