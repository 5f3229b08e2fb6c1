import type { Grade, Severity } from '../model/types';
import {
  GRADE_THRESHOLDS,
  MAX_COUNTED_REPEATS,
  REPEAT_DECAY,
  SEVERITY_WEIGHTS,
  WORST_FILE_SHARE,
} from './scoringModel';

/** What the plan needs to know of a finding. @public */
export interface PlannableFinding {
  ruleId: string;
  severity: Severity;
  /** Waived findings cost nothing, so fixing them gains nothing. */
  suppressed?: unknown;
}

/** The findings to fix to reach the next grade. @public */
export interface NextGradePlan<F> {
  /** The grade the fixes reach: the next one above the current grade. */
  grade: Grade;
  /** The score after the fixes. */
  score: number;
  /** The score now, recomputed from the same findings. */
  currentScore: number;
  /** As few findings as possible, heaviest first. */
  findings: F[];
  /**
   * Set when the entity had too many findings for the exact search to be cheap: the list then
   * comes from a greedy search over whole rules, reaches the grade all the same, but may be
   * longer than the shortest one.
   */
  approximate?: true;
}

/**
 * The exact search costs about (distinct file scores ≤ 101) × findings², which is what a request
 * may spend up to this many findings; beyond it the greedy search, linear per step, takes over.
 */
export const EXACT_PLAN_MAX_FINDINGS = 250;

interface RuleGroup<F> {
  /** Unsuppressed findings of one rule in one file, heaviest first. */
  ranked: F[];
  weights: number[];
}

/**
 * The shortest list of findings whose fix lifts an entity (its analysed files, each with all its
 * findings) to the next grade, under the scoring of docs/scoring.md: a file loses
 * `weight × REPEAT_DECAY^rank` per finding of a rule, the entity is
 * `round((1 − w) × mean + w × worst)` of its file scores.
 *
 * The plan is exact, not greedy: fixing one of five repeats of a rule gains only what the fifth
 * cost, fixing all five gains the rule's whole cost, and raising the worst file can matter more
 * than raising the mean. Within a rule, fixing its heaviest findings is always best; across the
 * rules of a file a knapsack finds the least remaining penalty for each number of fixes; across
 * files, for each possible floor of the worst file score, a knapsack finds the best mean.
 *
 * Returns undefined when the entity is already graded A or has no scored file.
 *
 * @public
 */
export function planNextGrade<F extends PlannableFinding>(
  files: readonly { findings: readonly F[] }[],
): NextGradePlan<F> | undefined {
  if (files.length === 0) return undefined;
  const candidates = files.reduce(
    (n, file) => n + file.findings.filter(isCandidate).length,
    0,
  );
  if (candidates > EXACT_PLAN_MAX_FINDINGS) return planGreedily(files);
  const perFile = files.map(file => planFile(file.findings));
  const scoreWith = (fixes: number[]) =>
    blend(fixes.map((k, i) => perFile[i].scores[k]));
  const currentScore = scoreWith(files.map(() => 0));
  const target = nextThreshold(currentScore);
  if (!target) return undefined;

  const floors = [...new Set(perFile.flatMap(file => file.scores))].sort(
    (a, b) => a - b,
  );
  let best: { count: number; score: number; fixes: number[] } | undefined;
  for (const floor of floors) {
    const need = perFile.map(file => file.scores.findIndex(s => s >= floor));
    if (need.some(k => k < 0)) continue;
    const plan = bestSums(perFile, need);
    for (let count = 0; count < plan.sum.length; count++) {
      if (best && count > best.count) break;
      if (plan.sum[count] === undefined) continue;
      const fixes = plan.fixesFor(count);
      const score = scoreWith(fixes);
      if (score < target.min) continue;
      if (
        !best ||
        count < best.count ||
        (count === best.count && score > best.score)
      ) {
        best = { count, score, fixes };
      }
      break;
    }
  }
  if (!best) return undefined;
  const chosen = best.fixes.flatMap((k, i) => perFile[i].findingsFor(k));
  return {
    grade: target.grade,
    score: best.score,
    currentScore,
    findings: chosen.sort(
      (a, b) => SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity],
    ),
  };
}

function nextThreshold(score: number) {
  const thresholds = [...GRADE_THRESHOLDS].sort((a, b) => a.min - b.min);
  return thresholds.find(t => t.min > score);
}

function blend(scores: number[]): number {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const worst = Math.min(...scores);
  return Math.round((1 - WORST_FILE_SHARE) * mean + WORST_FILE_SHARE * worst);
}

function toScore(penalty: number): number {
  return Math.max(0, Math.round(100 - penalty));
}

/** Penalty of a rule's findings when its `skip` heaviest are fixed. */
function remaining(weights: number[], skip: number): number {
  let total = 0;
  for (let rank = 0; rank + skip < weights.length; rank++) {
    if (rank >= MAX_COUNTED_REPEATS) break;
    total += weights[rank + skip] * REPEAT_DECAY ** rank;
  }
  return total;
}

/** A finding whose fix can gain points: not waived, not free. */
function isCandidate(finding: PlannableFinding): boolean {
  return !finding.suppressed && SEVERITY_WEIGHTS[finding.severity] > 0;
}

/** Unwaived, costed findings of one file by rule, each rule's heaviest first. */
function ruleGroupsOf<F extends PlannableFinding>(
  findings: readonly F[],
): RuleGroup<F>[] {
  const byRule = new Map<string, F[]>();
  for (const finding of findings) {
    if (!isCandidate(finding)) continue;
    const list = byRule.get(finding.ruleId) ?? [];
    list.push(finding);
    byRule.set(finding.ruleId, list);
  }
  return [...byRule.values()].map(list => {
    // Stable sort: equal weights keep their order, as the file's scoring ranks them.
    const ranked = [...list].sort(
      (a, b) => SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity],
    );
    return { ranked, weights: ranked.map(f => SEVERITY_WEIGHTS[f.severity]) };
  });
}

/**
 * The plan for large entities: fix whole rules of a file, one at a time, always the one that
 * gains the most entity score per finding fixed, until the next grade is reached; then drop any
 * chosen rule the grade does not need. Each step costs the number of (file, rule) groups, so the
 * whole search is quadratic in groups, never in findings. Not always the shortest list.
 */
function planGreedily<F extends PlannableFinding>(
  files: readonly { findings: readonly F[] }[],
): NextGradePlan<F> | undefined {
  const groups = files.flatMap((file, fileIndex) =>
    ruleGroupsOf(file.findings).map(group => ({
      fileIndex,
      ranked: group.ranked,
      cost: remaining(group.weights, 0),
    })),
  );
  const penalties = files.map(() => 0);
  for (const group of groups) penalties[group.fileIndex] += group.cost;
  const scoresOf = () => penalties.map(toScore);
  const currentScore = blend(scoresOf());
  const target = nextThreshold(currentScore);
  if (!target) return undefined;

  const chosen: typeof groups = [];
  const open = new Set(groups);
  while (blend(scoresOf()) < target.min && open.size > 0) {
    const scores = scoresOf();
    const sum = scores.reduce((a, b) => a + b, 0);
    // The two lowest file scores: replacing one file's score changes the worst by these alone.
    let low = 0;
    for (let i = 1; i < scores.length; i++)
      if (scores[i] < scores[low]) low = i;
    let second = Infinity;
    scores.forEach((score, i) => {
      if (i !== low) second = Math.min(second, score);
    });
    const rawBlend = (i: number, score: number) => {
      const worst = Math.min(score, i === low ? second : scores[low]);
      return (
        (1 - WORST_FILE_SHARE) * ((sum - scores[i] + score) / scores.length) +
        WORST_FILE_SHARE * worst
      );
    };
    const now = rawBlend(low, scores[low]);
    let best: { group: (typeof groups)[number]; rate: number } | undefined;
    for (const group of open) {
      const i = group.fileIndex;
      const gain = rawBlend(i, toScore(penalties[i] - group.cost)) - now;
      const rate = gain / group.ranked.length;
      if (!best || rate > best.rate) best = { group, rate };
    }
    const pick = best!.group;
    open.delete(pick);
    chosen.push(pick);
    penalties[pick.fileIndex] -= pick.cost;
  }
  if (blend(scoresOf()) < target.min) return undefined;
  // Latest first: a rule picked early may have become unnecessary once later ones were fixed.
  for (let c = chosen.length - 1; c >= 0; c--) {
    const group = chosen[c];
    penalties[group.fileIndex] += group.cost;
    if (blend(scoresOf()) >= target.min) chosen.splice(c, 1);
    else penalties[group.fileIndex] -= group.cost;
  }
  return {
    grade: target.grade,
    score: blend(scoresOf()),
    currentScore,
    findings: chosen
      .flatMap(group => group.ranked)
      .sort(
        (a, b) => SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity],
      ),
    approximate: true,
  };
}

/**
 * For one file: the best score reachable with k fixes (k = 0..candidates), and which findings.
 */
function planFile<F extends PlannableFinding>(findings: readonly F[]) {
  const groups = ruleGroupsOf(findings);

  // least[r][k]: least penalty of rules r.. with k fixes among them; pick[r][k]: fixes in rule r.
  const total = groups.reduce((n, g) => n + g.ranked.length, 0);
  const least: number[][] = [];
  const pick: number[][] = [];
  least[groups.length] = [0];
  for (let r = groups.length - 1; r >= 0; r--) {
    const group = groups[r];
    const after = least[r + 1];
    least[r] = [];
    pick[r] = [];
    for (let m = 0; m <= group.ranked.length; m++) {
      const cost = remaining(group.weights, m);
      for (let rest = 0; rest < after.length; rest++) {
        const value = cost + after[rest];
        const k = m + rest;
        if (least[r][k] === undefined || value < least[r][k]) {
          least[r][k] = value;
          pick[r][k] = m;
        }
      }
    }
  }
  const scores = Array.from({ length: total + 1 }, (_, k) =>
    toScore(least[0][k]),
  );
  const findingsFor = (k: number): F[] => {
    const out: F[] = [];
    let left = k;
    for (let r = 0; r < groups.length; r++) {
      const m = pick[r][left];
      out.push(...groups[r].ranked.slice(0, m));
      left -= m;
    }
    return out;
  };
  return { scores, findingsFor };
}

/**
 * Across files, each with at least `need[i]` fixes: the best sum of file scores for each total
 * number of fixes, and how many fixes each file takes for it.
 */
function bestSums(
  files: { scores: number[] }[],
  need: number[],
): { sum: (number | undefined)[]; fixesFor: (count: number) => number[] } {
  // sums[i][c]: best score sum of files i.. with c fixes among them.
  const sums: (number | undefined)[][] = [];
  const take: number[][] = [];
  sums[files.length] = [0];
  for (let i = files.length - 1; i >= 0; i--) {
    const scores = files[i].scores;
    const after = sums[i + 1];
    sums[i] = [];
    take[i] = [];
    for (let k = need[i]; k < scores.length; k++) {
      for (let rest = 0; rest < after.length; rest++) {
        const tail = after[rest];
        if (tail === undefined) continue;
        const value = scores[k] + tail;
        const current = sums[i][k + rest];
        if (current === undefined || value > current) {
          sums[i][k + rest] = value;
          take[i][k + rest] = k;
        }
      }
    }
  }
  return {
    sum: sums[0],
    fixesFor: count => {
      const fixes: number[] = [];
      let left = count;
      for (let i = 0; i < files.length; i++) {
        const k = take[i][left];
        fixes.push(k);
        left -= k;
      }
      return fixes;
    },
  };
}
