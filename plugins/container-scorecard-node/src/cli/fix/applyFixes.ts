import {
  applyTextEdits,
  type FileResult,
  type ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { Analysis } from '../analyzeTargets';
import { FixRefusedError, writeFileInPlace } from './writeFileInPlace';

/** What `--fix` changed in one file. */
export interface FixReport {
  path: string;
  /** Findings that disappeared, by rule. */
  fixed: { ruleId: string; count: number }[];
  scoreBefore?: number;
  scoreAfter?: number;
  /** Why the fixes were not written (the file is unchanged); `fixed` is then empty. */
  refused?: string;
}

/** Fixes of one pass may overlap (the engine skips overlapping edits): a few passes finish them. */
const MAX_PASSES = 5;

function openFixable(result: FileResult) {
  return result.findings.filter(
    f => !f.suppressed && f.fix && f.fix.length > 0,
  );
}

function countByRule(result: FileResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of result.findings) {
    if (finding.suppressed) continue;
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Applies the automatic fixes of every unwaived finding, in place, re-analysing after each pass
 * until nothing fixable is left. Waived findings are left alone: a waiver is a decision.
 * Returns what changed per file; files are written only when their text changed.
 */
export async function applyFixes(
  analysis: Analysis,
  engine: ScorecardEngine,
): Promise<FixReport[]> {
  const reports: FixReport[] = [];
  for (const target of analysis.targets) {
    const before = analysis.results.find(r => r.path === target.displayPath);
    if (
      !before ||
      before.status !== 'analysed' ||
      target.content === undefined ||
      !target.absolutePath ||
      openFixable(before).length === 0
    )
      continue;
    let content = target.content;
    let current = before;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const edits = openFixable(current).flatMap(f => f.fix ?? []);
      if (edits.length === 0) break;
      const next = applyTextEdits(content, edits);
      if (next === content) break;
      content = next;
      current = engine.analyzeFile({ path: target.enginePath, content });
    }
    if (content === target.content) continue;
    try {
      await writeFileInPlace(target.absolutePath, content);
    } catch (error) {
      if (!(error instanceof FixRefusedError)) throw error;
      reports.push({
        path: target.displayPath,
        fixed: [],
        scoreBefore: before.score,
        refused: `not fixed: ${error.message}`,
      });
      continue;
    }
    const countsBefore = countByRule(before);
    const countsAfter = countByRule(current);
    const fixed = [...countsBefore]
      .map(([ruleId, count]) => ({
        ruleId,
        count: count - (countsAfter.get(ruleId) ?? 0),
      }))
      .filter(f => f.count > 0);
    reports.push({
      path: target.displayPath,
      fixed,
      scoreBefore: before.score,
      scoreAfter: current.score,
    });
  }
  return reports;
}
