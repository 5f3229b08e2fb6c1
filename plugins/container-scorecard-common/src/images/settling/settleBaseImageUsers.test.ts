import type { FileResult } from '../../model/types';
import { createTestEngine } from '../../testing/createTestEngine';
import {
  settleBaseImageUsers,
  type BaseImageUserAnswer,
} from './settleBaseImageUsers';

const BASE = 'registry.test/base/runtime:1';

/** A service Dockerfile with no USER on a base whose user only the registry knows. */
const SERVICE = [
  'FROM golang:1.22 AS build',
  'RUN go build -o /out/app .',
  `FROM ${BASE}`,
  'COPY --from=build /out/app /app',
  'CMD ["/app"]',
  '',
].join('\n');

/** 103 points of penalties with no-user-in-final-stage's 20, so it scores 0; 17 without. */
const HOPELESS = [
  `FROM ${BASE}`,
  'ENV API_TOKEN=abc123def456 DB_PASSWORD=hunter2',
  'EXPOSE 22',
  'CMD ["/app"]',
  '',
].join('\n');

const inspected = (user: string, reference = BASE): BaseImageUserAnswer => ({
  reference,
  status: 'inspected',
  user,
});

async function analyse(content: string, withNoUserRule = true) {
  const engine = await createTestEngine(
    withNoUserRule
      ? {}
      : { config: { rules: { 'no-user-in-final-stage': { enabled: false } } } },
  );
  return engine.analyzeFile({ path: 'services/api/Dockerfile', content });
}

const ruleIds = (result: FileResult) => result.findings.map(f => f.ruleId);

describe('settleBaseImageUsers', () => {
  it('drops no-user-in-final-stage when the base image runs as a non-root user, re-scored as if the rule had never fired', async () => {
    const unsure = await analyse(SERVICE);
    expect(ruleIds(unsure)).toContain('no-user-in-final-stage');
    const withoutRule = await analyse(SERVICE, false);

    const { results, settlements } = settleBaseImageUsers(
      [unsure],
      [inspected('nonroot:nonroot')],
    );

    expect(ruleIds(results[0])).not.toContain('no-user-in-final-stage');
    expect(results[0]).toMatchObject({
      score: withoutRule.score,
      grade: withoutRule.grade,
      pillarScores: withoutRule.pillarScores,
      counts: withoutRule.counts,
      suppressedCount: withoutRule.suppressedCount,
    });
    expect(results[0].score).toBeGreaterThan(unsure.score!);
    expect(settlements).toEqual([
      {
        path: 'services/api/Dockerfile',
        ruleId: 'no-user-in-final-stage',
        reference: BASE,
        user: 'nonroot:nonroot',
        outcome: 'dropped',
        note: `no-user-in-final-stage was settled by the registry: ${BASE} runs as user "nonroot:nonroot".`,
      },
    ]);
  });

  it.each([
    ['', 'sets no User, so it runs as root'],
    ['0:0', 'runs as root (User "0:0")'],
    ['root', 'runs as root (User "root")'],
  ])(
    'confirms the finding when the base image runs as root (User %j), keeping the score',
    async (user, phrase) => {
      const unsure = await analyse(SERVICE);
      const { results, settlements } = settleBaseImageUsers(
        [unsure],
        [inspected(user)],
      );
      const finding = results[0].findings.find(
        f => f.ruleId === 'no-user-in-final-stage',
      )!;
      expect(finding.message).toBe(
        `The final stage sets no USER, so the container runs as root. The registry confirms it: the base image ${BASE} ${phrase}.`,
      );
      expect(finding.penalty).toBe(20);
      expect(results[0].score).toBe(unsure.score);
      expect(results[0].counts).toEqual(unsure.counts);
      expect(settlements).toEqual([
        expect.objectContaining({ outcome: 'confirmed', user }),
      ]);
    },
  );

  it('leaves the file alone when the base image could not be inspected or was not inspected', async () => {
    const unsure = await analyse(SERVICE);
    for (const images of [
      [{ reference: BASE, status: 'failed' as const }],
      [inspected('app', 'registry.test/other:1')],
      [],
    ]) {
      const { results, settlements } = settleBaseImageUsers([unsure], images);
      expect(results[0]).toBe(unsure);
      expect(settlements).toEqual([]);
    }
  });

  it('reads only the final stage base: a non-root builder image settles nothing', async () => {
    const unsure = await analyse(SERVICE);
    const { results } = settleBaseImageUsers(
      [unsure],
      [inspected('builder', 'golang:1.22'), inspected('')],
    );
    expect(ruleIds(results[0])).toContain('no-user-in-final-stage');
  });

  it('leaves files with a USER, other kinds and unanalysed files unchanged', async () => {
    const engine = await createTestEngine();
    const withUser = engine.analyzeFile({
      path: 'Dockerfile',
      content: `FROM ${BASE}\nUSER 10001\nCMD ["/app"]\n`,
    });
    const compose = engine.analyzeFile({
      path: 'compose.yaml',
      content: `services:\n  api:\n    image: ${BASE}\n`,
    });
    const { results, settlements } = settleBaseImageUsers(
      [withUser, compose],
      [inspected('app')],
    );
    expect(results[0]).toBe(withUser);
    expect(results[1]).toBe(compose);
    expect(settlements).toEqual([]);
  });

  it('drops a waived finding too, which gives back no points', async () => {
    // The waiver sits above the line the finding is on: the final stage's FROM.
    const waived = await analyse(
      SERVICE.replace(
        `FROM ${BASE}`,
        `# scorecard ignore=no-user-in-final-stage reason="base sets the user"\nFROM ${BASE}`,
      ),
    );
    expect(waived.suppressedCount).toBe(1);
    const { results } = settleBaseImageUsers([waived], [inspected('app')]);
    expect(ruleIds(results[0])).not.toContain('no-user-in-final-stage');
    expect(results[0].suppressedCount).toBe(0);
    expect(results[0].score).toBe(waived.score);
    expect(results[0].counts).toEqual(waived.counts);
  });

  it('re-scores a file whose score was clamped at 0 from its listed penalties', async () => {
    const unsure = await analyse(HOPELESS);
    const withoutRule = await analyse(HOPELESS, false);
    expect(unsure.score).toBe(0);
    expect(withoutRule.score).toBe(17);
    const { results } = settleBaseImageUsers([unsure], [inspected('app')]);
    expect(results[0].score).toBe(withoutRule.score);
    expect(results[0].pillarScores).toEqual(withoutRule.pillarScores);
  });

  it('keeps a clamped 0 when findings were left out of the list (the total is not known)', async () => {
    const unsure = await analyse(HOPELESS);
    const partial: FileResult = {
      ...unsure,
      limitsReached: [
        {
          limit: 'findings-per-rule',
          message: 'Rule x: only the first 1 findings are listed',
          omitted: 3,
        },
      ],
    };
    const { results } = settleBaseImageUsers([partial], [inspected('app')]);
    expect(ruleIds(results[0])).not.toContain('no-user-in-final-stage');
    expect(results[0].score).toBe(0);
  });

  it('does not modify its inputs', async () => {
    const unsure = await analyse(SERVICE);
    const before = JSON.stringify(unsure);
    settleBaseImageUsers([unsure], [inspected('app')]);
    settleBaseImageUsers([unsure], [inspected('')]);
    expect(JSON.stringify(unsure)).toBe(before);
  });
});
