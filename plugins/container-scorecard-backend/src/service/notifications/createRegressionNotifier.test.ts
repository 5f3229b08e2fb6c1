import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type {
  ApiFinding,
  ApiGrade,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import type { StoredScanResult } from '../scanning/ScanResultListener';
import { createRegressionNotifier } from './createRegressionNotifier';
import type { NotificationMode } from './detectRegression';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ENTITY = 'component:default/checkout-api';

function finding(
  ruleId: string,
  severity: ApiFinding['severity'],
  snippet: string,
  line = 3,
): ApiFinding {
  return {
    ruleId,
    pillar: 'least-privilege',
    severity,
    message: `${ruleId} message`,
    path: 'Dockerfile',
    range: {
      start: { line, column: 1 },
      end: { line, column: snippet.length + 1 },
    },
    snippet,
    penalty: severity === 'critical' ? 40 : 20,
  };
}

const ROOT = finding('last-user-root', 'high', 'USER root');
const SECRET = finding('secret-in-env-or-arg', 'critical', 'ENV TOKEN=abc');
const LATEST = finding('base-image-latest-tag', 'medium', 'FROM node:latest');

function scan(
  grade: ApiGrade,
  score: number,
  findings: ApiFinding[],
  analysedAt = new Date(),
): StoredScanResult {
  return {
    result: {
      entityRef: ENTITY,
      title: 'Checkout API',
      owner: 'group:default/checkout',
      status: 'analysed',
      score,
      grade,
      analysedAt,
      files: [
        {
          path: 'Dockerfile',
          kind: 'dockerfile',
          status: 'analysed',
          score,
          grade,
          counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
          findings,
        },
      ],
    },
  };
}

async function notifierOn(databaseId: TestDatabaseId, mode?: NotificationMode) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex });
  await ScorecardStore.create({ database }); // runs the migrations
  const sent: NotificationSendOptions[] = [];
  const notify = await createRegressionNotifier({
    config: new ConfigReader({
      containerScorecard: mode ? { notifications: { mode } } : {},
    }),
    database,
    notifications: { send: async options => void sent.push(options) },
    logger: mockServices.logger.mock(),
  });
  return { notify, sent };
}

describe('createRegressionNotifier', () => {
  it.each(databases.eachSupportedId())(
    'tells the owning group once when the grade drops, never again for the same result (%p)',
    async databaseId => {
      const { notify, sent } = await notifierOn(databaseId);

      await notify!(scan('B', 84, [LATEST]));
      expect(sent).toEqual([]); // the first result is the baseline

      await notify!(scan('D', 58, [LATEST, ROOT]));
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/checkout',
      });
      expect(sent[0].payload).toMatchObject({
        title:
          'Checkout API: container grade dropped from B to D, 1 new high finding',
        link: '/catalog/default/component/checkout-api/container-scorecard',
        severity: 'high',
        topic: 'Container Scorecard',
      });
      expect(sent[0].payload.description).toContain('Score 84 → 58.');
      expect(sent[0].payload.description).toContain(
        'New high: last-user-root message (last-user-root, Dockerfile:3)',
      );

      // Rescanned unchanged, and again: nothing new to tell.
      await notify!(scan('D', 58, [LATEST, ROOT]));
      await notify!(scan('D', 58, [LATEST, ROOT]));
      expect(sent).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells of a new critical finding even when the grade holds, but not of a moved one (%p)',
    async databaseId => {
      const { notify, sent } = await notifierOn(databaseId);
      await notify!(scan('D', 60, [ROOT]));

      // The same finding two lines further down is not new.
      await notify!(scan('D', 60, [{ ...ROOT, range: shifted(ROOT, 2) }]));
      expect(sent).toEqual([]);

      await notify!(scan('D', 55, [ROOT, SECRET]));
      expect(sent).toHaveLength(1);
      expect(sent[0].payload).toMatchObject({
        title: 'Checkout API: 1 new critical finding',
        severity: 'critical',
      });
      // Told once: the next scan with the same findings is quiet.
      await notify!(scan('D', 55, [ROOT, SECRET]));
      expect(sent).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'before any notification, announces only findings of a severity the previous result had none of (%p)',
    async databaseId => {
      const { notify, sent } = await notifierOn(databaseId);
      const previous = (counts: Partial<Record<'critical' | 'high', number>>) =>
        ({
          entityRef: ENTITY,
          status: 'analysed',
          lastAttemptAt: new Date().toISOString(),
          grade: 'A',
          score: 95,
          counts: {
            critical: 0,
            high: 0,
            medium: 0,
            low: 0,
            info: 0,
            ...counts,
          },
        } as const);
      // The previous result had a high finding: which high findings are new is unknown.
      await notify!({
        ...scan('A', 92, [ROOT, SECRET]),
        previous: previous({ high: 1 }),
      });
      expect(sent).toHaveLength(1);
      expect(sent[0].payload.title).toBe(
        'Checkout API: 1 new critical finding',
      );
      expect(sent[0].payload.description).not.toContain('last-user-root');
    },
  );

  it.each(databases.eachSupportedId())(
    'ignores waived findings and improvements (%p)',
    async databaseId => {
      const { notify, sent } = await notifierOn(databaseId);
      await notify!(scan('C', 70, [ROOT]));
      await notify!(
        scan('C', 70, [
          ROOT,
          { ...SECRET, suppressed: { source: 'inline', reason: 'test' } },
        ]),
      );
      await notify!(scan('A', 95, []));
      expect(sent).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'honours each mode (%p)',
    async databaseId => {
      const outcomes: Record<string, string[] | 'no notifier'> = {};
      for (const mode of [
        'off',
        'grade-drops',
        'new-critical-high',
        'all',
      ] as const) {
        const { notify, sent } = await notifierOn(databaseId, mode);
        if (!notify) {
          outcomes[mode] = 'no notifier';
          continue;
        }
        const t = Date.now();
        await notify(scan('B', 85, [], new Date(t)));
        // A new critical finding with the grade unchanged, then a grade drop with nothing new.
        await notify(scan('B', 81, [SECRET], new Date(t + 1)));
        await notify(scan('C', 72, [SECRET], new Date(t + 2)));
        outcomes[mode] = sent.map(s => s.payload.title);
      }
      expect(outcomes).toEqual({
        off: 'no notifier',
        'grade-drops': ['Checkout API: container grade dropped from B to C'],
        'new-critical-high': ['Checkout API: 1 new critical finding'],
        all: [
          'Checkout API: 1 new critical finding',
          'Checkout API: container grade dropped from B to C',
        ],
      });
    },
  );

  it('refuses a mode it does not know, naming the key', async () => {
    await expect(
      createRegressionNotifier({
        config: new ConfigReader({
          containerScorecard: { notifications: { mode: 'sometimes' } },
        }),
        database: mockServices.database.mock(),
        notifications: { send: jest.fn() },
        logger: mockServices.logger.mock(),
      }),
    ).rejects.toThrow(/containerScorecard\.notifications\.mode "sometimes"/);
  });

  it.each(databases.eachSupportedId())(
    'tries again on the next scan when sending failed (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      await ScorecardStore.create({ database });
      const send = jest
        .fn()
        .mockRejectedValueOnce(new Error('notifications backend down'))
        .mockResolvedValue(undefined);
      const notify = await createRegressionNotifier({
        config: new ConfigReader({}),
        database,
        notifications: { send },
        logger: mockServices.logger.mock(),
      });
      await notify!(scan('B', 85, []));
      await expect(notify!(scan('D', 60, []))).rejects.toThrow(/down/);
      await notify!(scan('D', 60, []));
      expect(send).toHaveBeenCalledTimes(2);
      await notify!(scan('D', 60, []));
      expect(send).toHaveBeenCalledTimes(2);
    },
  );
});

function shifted(f: ApiFinding, lines: number) {
  return {
    start: { ...f.range.start, line: f.range.start.line + lines },
    end: { ...f.range.end, line: f.range.end.line + lines },
  };
}
