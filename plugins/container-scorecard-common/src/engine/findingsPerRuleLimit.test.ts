import { defineRule } from '../rules/framework/defineRule';
import { createTestEngine, lines } from '../testing';

/** One low finding per RUN line: a rule that fires as often as a test wants. */
const everyRun = defineRule({
  id: 'every-run',
  pillar: 'simplicity',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 't',
  message: 'a RUN line',
  rationale: 'r',
  remediation: { description: 'd', before: 'b', after: 'a' },
  equivalents: {},
  check: ({ file }) =>
    (file.dockerfile?.instructions ?? [])
      .filter(i => i.keyword === 'RUN')
      .map(i => ({ range: i.range })),
});

/** Only the test rule, so the numbers below are its own. */
const onlyEveryRun = async (
  limits: { maxFindingsPerRule?: number } = {},
  waivers: { rule: string; reason: string; paths?: string[] }[] = [],
) => {
  const base = await createTestEngine({ extraRules: [everyRun] });
  const rules = Object.fromEntries(
    base.rules
      .filter(r => r.id !== 'every-run')
      .map(r => [r.id, { enabled: false }]),
  );
  return createTestEngine({
    extraRules: [everyRun],
    config: { rules, limits, waivers },
  });
};

const dockerfileWithRuns = (count: number, ignoreFirst = 0) =>
  lines(
    'FROM alpine:3.20',
    ...Array.from({ length: count }, (_, i) =>
      i < ignoreFirst
        ? `# scorecard ignore=every-run reason="legacy"\nRUN step-${i}`
        : `RUN step-${i}`,
    ),
  );

describe('limits.maxFindingsPerRule', () => {
  it('lists exactly N findings without a limit reached', async () => {
    const engine = await onlyEveryRun({ maxFindingsPerRule: 5 });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: dockerfileWithRuns(5),
    });
    expect(result.findings).toHaveLength(5);
    expect(result.limitsReached).toBeUndefined();
  });

  it('keeps the first N by position at N+1 and says one was left out', async () => {
    const engine = await onlyEveryRun({ maxFindingsPerRule: 5 });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: dockerfileWithRuns(6),
    });
    expect(result.findings.map(f => f.range.start.line)).toEqual([
      2, 3, 4, 5, 6,
    ]);
    expect(result.findings.map(f => f.snippet)).toEqual([
      'RUN step-0',
      'RUN step-1',
      'RUN step-2',
      'RUN step-3',
      'RUN step-4',
    ]);
    expect(result.limitsReached).toEqual([
      {
        limit: 'findings-per-rule',
        message: expect.stringMatching(
          /^Rule every-run: only the first 5 findings are listed \(limits\.maxFindingsPerRule\); 1 more is not listed/,
        ),
        omitted: 1,
      },
    ]);
  });

  it('changes neither the score, the pillar scores nor the counts', async () => {
    const content = dockerfileWithRuns(40);
    const capped = (await onlyEveryRun({ maxFindingsPerRule: 3 })).analyzeFile({
      path: 'Dockerfile',
      content,
    });
    const whole = (await onlyEveryRun()).analyzeFile({
      path: 'Dockerfile',
      content,
    });
    expect(whole.findings).toHaveLength(40);
    expect(whole.limitsReached).toBeUndefined();
    expect(capped.findings).toHaveLength(3);
    expect(capped.limitsReached?.[0].omitted).toBe(37);
    expect(capped.score).toBe(whole.score);
    expect(capped.score).toBeLessThan(100);
    expect(capped.grade).toBe(whole.grade);
    expect(capped.pillarScores).toEqual(whole.pillarScores);
    expect(capped.counts).toEqual(whole.counts);
    expect(capped.counts.low).toBe(40);
    // The listed findings keep the penalties they cost in the whole list.
    expect(capped.findings).toEqual(whole.findings.slice(0, 3));
  });

  it('applies after suppressions: the listed findings are the ones that cost points', async () => {
    const engine = await onlyEveryRun({ maxFindingsPerRule: 2 });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: dockerfileWithRuns(5, 3),
    });
    expect(result.suppressedCount).toBe(3);
    expect(result.counts.low).toBe(2);
    expect(result.findings.map(f => [f.snippet, !!f.suppressed])).toEqual([
      ['RUN step-3', false],
      ['RUN step-4', false],
    ]);
    expect(result.limitsReached?.[0].omitted).toBe(3);
  });

  it('leaves the score of a fully waived rule at 100 however many are hidden', async () => {
    const engine = await onlyEveryRun({ maxFindingsPerRule: 1 }, [
      { rule: 'every-run', reason: 'accepted' },
    ]);
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: dockerfileWithRuns(4),
    });
    expect(result.score).toBe(100);
    expect(result.suppressedCount).toBe(4);
    expect(result.findings).toHaveLength(1);
    expect(result.limitsReached?.[0].omitted).toBe(3);
  });

  it('caps findings in a repository analysis too', async () => {
    const engine = await onlyEveryRun({ maxFindingsPerRule: 2 });
    const { files } = engine.analyzeRepository([
      { path: 'Dockerfile', content: dockerfileWithRuns(3) },
    ]);
    expect(files[0].findings).toHaveLength(2);
    expect(files[0].limitsReached?.[0].omitted).toBe(1);
  });
});
