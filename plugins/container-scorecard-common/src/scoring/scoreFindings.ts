import type {
  Finding,
  PillarId,
  Severity,
  SeverityCounts,
} from '../model/types';
import { PILLAR_IDS } from '../model/pillars';
import {
  MAX_COUNTED_REPEATS,
  REPEAT_DECAY,
  SEVERITY_WEIGHTS,
} from './scoringModel';

/** The score of one file, with every lost point attached to a finding. */
export interface FileScore {
  score: number;
  pillarScores: Record<PillarId, number>;
  /** The same findings, each with its `penalty`. */
  findings: Finding[];
  counts: SeverityCounts;
  suppressedCount: number;
}

function emptyCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/**
 * Scores a file from its findings (see docs/scoring.md):
 * `score = round(max(0, 100 - Σ penalty))`. Within each rule, unsuppressed findings are ranked
 * by weight (heaviest first, then by position) and the k-th (from 0) costs
 * `weight × REPEAT_DECAY^k`; from the `MAX_COUNTED_REPEATS`+1-th on they cost nothing.
 * Suppressed findings cost nothing. Pillar scores use the same sum restricted to the pillar.
 *
 * Removing or waiving a finding never lowers the score: with heaviest-first ranking and a
 * decay of 1/2, what the removed finding cost is always at least what the findings after it
 * gain by moving up one rank (see the property tests). Penalties are dyadic fractions of
 * integer weights, so the sums are exact in floating point.
 */
export function scoreFindings(
  findings: Finding[],
  pillarOf: (ruleId: string) => PillarId | undefined,
): FileScore {
  const penalties = penaltiesByFinding(findings);
  const pillarPenalty = new Map<PillarId, number>();
  const counts = emptyCounts();
  let suppressedCount = 0;
  let total = 0;
  const scored = findings.map((finding, index) => {
    if (finding.suppressed) {
      suppressedCount++;
      return { ...finding, penalty: 0 };
    }
    counts[finding.severity]++;
    const penalty = penalties[index];
    total += penalty;
    const pillar = pillarOf(finding.ruleId);
    if (pillar)
      pillarPenalty.set(pillar, (pillarPenalty.get(pillar) ?? 0) + penalty);
    return { ...finding, penalty };
  });
  const pillarScores = {} as Record<PillarId, number>;
  for (const pillar of PILLAR_IDS)
    pillarScores[pillar] = toScore(pillarPenalty.get(pillar) ?? 0);
  return {
    score: toScore(total),
    pillarScores,
    findings: scored,
    counts,
    suppressedCount,
  };
}

/** The penalty of each finding (by index), ranking each rule's findings heaviest first. */
function penaltiesByFinding(findings: Finding[]): number[] {
  const penalties = findings.map(() => 0);
  const byRule = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    if (finding.suppressed) return;
    const list = byRule.get(finding.ruleId) ?? [];
    list.push(index);
    byRule.set(finding.ruleId, list);
  });
  for (const indices of byRule.values()) {
    // Array.prototype.sort is stable: equal weights keep their position order.
    const ranked = [...indices].sort(
      (a, b) =>
        SEVERITY_WEIGHTS[findings[b].severity] -
        SEVERITY_WEIGHTS[findings[a].severity],
    );
    ranked.forEach((index, rank) => {
      penalties[index] =
        rank < MAX_COUNTED_REPEATS
          ? SEVERITY_WEIGHTS[findings[index].severity] * REPEAT_DECAY ** rank
          : 0;
    });
  }
  return penalties;
}

function toScore(penalty: number): number {
  return Math.max(0, Math.round(100 - penalty));
}

/** Counts unsuppressed findings per severity. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts = emptyCounts();
  for (const finding of findings)
    if (!finding.suppressed) counts[finding.severity]++;
  return counts;
}
