import type { FileResult, Finding, Severity } from '../model/types';
import { aggregateFileResults } from './aggregateScores';
import { EXACT_PLAN_MAX_FINDINGS, planNextGrade } from './planNextGrade';
import { scoreFindings } from './scoreFindings';
import { gradeOf } from './scoringModel';

let next = 0;
function finding(
  ruleId: string,
  severity: Severity,
  suppressed = false,
): Finding {
  next++;
  return {
    ruleId,
    severity,
    message: `${ruleId} #${next}`,
    path: 'Dockerfile',
    range: { start: { line: next, column: 1 }, end: { line: next, column: 2 } },
    snippet: '',
    ...(suppressed
      ? { suppressed: { source: 'inline' as const, reason: 'accepted' } }
      : {}),
  };
}

/** The entity score the product computes, through the real file scoring and aggregation. */
function entityScore(files: Finding[][]): number {
  const results = files.map(findings => {
    const scored = scoreFindings(findings, () => 'minimal');
    return {
      path: 'f',
      status: 'analysed',
      score: scored.score,
      pillarScores: scored.pillarScores,
      counts: scored.counts,
      findings: scored.findings,
    } as unknown as FileResult;
  });
  return aggregateFileResults(results).score!;
}

function without(files: Finding[][], fixed: Set<Finding>): Finding[][] {
  return files.map(findings => findings.filter(f => !fixed.has(f)));
}

/** The fewest fixes that reach the next grade, by trying every subset. */
function bruteForceMinimum(
  files: Finding[][],
  target: number,
): number | undefined {
  const all = files.flat();
  let best: number | undefined;
  for (let mask = 0; mask < 1 << all.length; mask++) {
    const fixed = new Set(all.filter((_, i) => mask & (1 << i)));
    if (best !== undefined && fixed.size >= best) continue;
    if (entityScore(without(files, fixed)) >= target) best = fixed.size;
  }
  return best;
}

const THRESHOLD: Record<string, number> = { A: 90, B: 75, C: 60, D: 40 };

describe('planNextGrade', () => {
  it('fixes every repeat of one rule when that is what it takes, not one of each rule', () => {
    // 5 × high of one rule cost 20+10+5+2.5+1.25 = 38.75 → 61 (C); one critical elsewhere would be 40.
    const repeats = ['a', 'a', 'a', 'a', 'a'].map(id => finding(id, 'high'));
    const plan = planNextGrade([{ findings: repeats }]);
    expect(plan).toMatchObject({ grade: 'B', currentScore: 61 });
    // Fixing 3 leaves 20+10 = 30 → 70 (C); fixing 4 leaves 20 → 80 (B).
    expect(plan!.findings).toHaveLength(4);
    expect(plan!.score).toBe(80);
  });

  it('raises the worst file when the mean alone cannot reach the grade', () => {
    const clean = [finding('x', 'low')]; // 97
    const worst = [
      finding('a', 'critical'),
      finding('b', 'high'),
      finding('c', 'low'),
    ]; // 37
    const plan = planNextGrade([{ findings: clean }, { findings: worst }]);
    // now round(0.5 × 67 + 0.5 × 37) = 52 (D) → C needs 60: fixing the critical gives 77 → 0.5×87+0.5×77 = 82.
    expect(plan!.currentScore).toBe(52);
    expect(plan!.grade).toBe('C');
    expect(plan!.findings.map(f => f.ruleId)).toEqual(['a']);
  });

  it('ignores waived and info findings, and plans nothing for an A', () => {
    expect(
      planNextGrade([{ findings: [finding('a', 'low')] }]),
    ).toBeUndefined();
    const plan = planNextGrade([
      {
        findings: [
          finding('w', 'critical', true),
          finding('i', 'info'),
          finding('h', 'high'),
        ],
      },
    ]);
    expect(plan!.findings.map(f => f.ruleId)).toEqual(['h']);
  });

  it('is minimal and reaches the next grade on random small entities (checked against every subset)', () => {
    const rules = ['r1', 'r2', 'r3'];
    const severities: Severity[] = [
      'critical',
      'high',
      'medium',
      'low',
      'info',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pickOne = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    let checked = 0;
    for (let round = 0; round < 60; round++) {
      const fileCount = 1 + Math.floor(random() * 3);
      const files = Array.from({ length: fileCount }, () =>
        Array.from({ length: Math.floor(random() * 5) }, () =>
          finding(pickOne(rules), pickOne(severities), random() < 0.1),
        ),
      );
      if (files.flat().length > 12) continue;
      const current = entityScore(files);
      const plan = planNextGrade(files.map(findings => ({ findings })));
      // An A has no next grade; anything else always has a plan.
      expect(plan === undefined).toBe(gradeOf(current) === 'A');
      if (!plan) continue;
      expect(plan!.currentScore).toBe(current);
      const target = THRESHOLD[plan!.grade];
      const after = entityScore(without(files, new Set(plan!.findings)));
      expect(after).toBe(plan!.score);
      expect(after).toBeGreaterThanOrEqual(target);
      expect(plan!.findings.length).toBe(bruteForceMinimum(files, target));
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('planNextGrade on entities too large for the exact search', () => {
  /** Files of many rules, each rule repeated: far more findings than the exact search takes. */
  function largeEntity(
    fileCount: number,
    rulesPerFile: number,
    repeats: number,
  ) {
    const severities: Severity[] = ['critical', 'high', 'medium', 'low'];
    return Array.from({ length: fileCount }, (_file, f) =>
      Array.from({ length: rulesPerFile * repeats }, (_finding, i) =>
        finding(
          `rule-${Math.floor(i / repeats)}`,
          severities[(f + Math.floor(i / repeats)) % severities.length],
        ),
      ),
    );
  }

  it('still reaches the next grade, says the list may not be the shortest, and scores as the product does', () => {
    const files = largeEntity(6, 12, 8); // 576 findings
    expect(files.flat().length).toBeGreaterThan(EXACT_PLAN_MAX_FINDINGS);
    const current = entityScore(files);

    const plan = planNextGrade(files.map(findings => ({ findings })));

    expect(plan).toBeDefined();
    expect(plan!.approximate).toBe(true);
    expect(plan!.currentScore).toBe(current);
    const after = entityScore(without(files, new Set(plan!.findings)));
    expect(after).toBe(plan!.score);
    expect(after).toBeGreaterThanOrEqual(THRESHOLD[plan!.grade]);
    expect(gradeOf(after)).toBe(plan!.grade);
  });

  it('drops every chosen rule the grade does not need', () => {
    const files = largeEntity(4, 10, 10);
    const plan = planNextGrade(files.map(findings => ({ findings })))!;
    const chosen = new Set(plan.findings);
    // Un-fixing any one whole rule of one file must fall short of the grade.
    const groups = new Map<string, Finding[]>();
    files.forEach((findings, f) =>
      findings
        .filter(x => chosen.has(x))
        .forEach(x => {
          const key = `${f}/${x.ruleId}`;
          groups.set(key, [...(groups.get(key) ?? []), x]);
        }),
    );
    expect(groups.size).toBeGreaterThan(0);
    for (const group of groups.values()) {
      const fewer = new Set([...chosen].filter(x => !group.includes(x)));
      expect(entityScore(without(files, fewer))).toBeLessThan(
        THRESHOLD[plan.grade],
      );
    }
  });

  it('keeps the exact search, with no approximation flag, at or under the bound', () => {
    const files = largeEntity(2, 5, 5); // 50 findings
    const plan = planNextGrade(files.map(findings => ({ findings })));
    expect(plan?.approximate).toBeUndefined();
  });
});
