import type {
  FileResult,
  Finding,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { ReportInput } from './types';
import { TOOL_NAME } from './types';

function findingJson(finding: Finding, input: ReportInput) {
  const rule = input.rules.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    path: finding.path,
    title: rule?.title,
    pillar: rule?.pillar,
    equivalents: rule?.equivalents ?? {},
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    snippet: finding.snippet,
    suppressed: finding.suppressed !== undefined,
    ...(finding.suppressed ? { suppression: finding.suppressed } : {}),
    ...(finding.expiredSuppression
      ? { expiredSuppression: finding.expiredSuppression }
      : {}),
    penalty: finding.penalty ?? 0,
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.renderedFrom ? { renderedFrom: finding.renderedFrom } : {}),
  };
}

function fileJson(result: FileResult, input: ReportInput) {
  return {
    path: result.path,
    kind: result.kind,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    ...(result.status === 'analysed'
      ? {
          score: result.score,
          grade: result.grade,
          pillarScores: result.pillarScores,
        }
      : {}),
    counts: result.counts,
    suppressedCount: result.suppressedCount,
    // Absent when complete; otherwise which limits cut the result short and what they left out.
    ...(result.limitsReached?.length ? { partial: result.limitsReached } : {}),
    findings: result.findings.map(f => findingJson(f, input)),
    images: result.images,
    ...(result.ruleErrors ? { ruleErrors: result.ruleErrors } : {}),
    ...(result.rendering ? { rendering: result.rendering } : {}),
  };
}

/**
 * The JSON report: per file the score, grade and findings (suppressed ones included and marked),
 * the limits that made it partial, plus the aggregate over all files. Its shape is documented in
 * docs/cli.md.
 */
export function formatJson(input: ReportInput): string {
  const { analysis } = input;
  const report = {
    tool: { name: TOOL_NAME, version: input.toolVersion },
    rulesetVersion: analysis.rulesetVersion,
    summary: {
      files: analysis.results.length,
      analysed: analysis.results.filter(r => r.status === 'analysed').length,
      couldNotAnalyse: analysis.results.filter(
        r => r.status === 'could-not-analyse',
      ).length,
      partial: analysis.results.filter(r => r.limitsReached?.length).length,
      findings: analysis.results.reduce(
        (sum, r) => sum + r.findings.filter(f => !f.suppressed).length,
        0,
      ),
      suppressed: analysis.results.reduce(
        (sum, r) => sum + r.suppressedCount,
        0,
      ),
    },
    aggregate: analysis.aggregate,
    files: analysis.results.map(r => fileJson(r, input)),
    ...(input.fixes ? { fixes: input.fixes } : {}),
    ...(input.images ? { images: input.images } : {}),
    // Dockerfile findings the registry settled: dropped ones are named here, not silently gone.
    ...(input.images ? { settlements: input.settlements ?? [] } : {}),
    ...(analysis.warnings.length ? { warnings: analysis.warnings } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
