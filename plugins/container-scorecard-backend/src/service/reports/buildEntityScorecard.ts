import {
  planNextGrade,
  type ApiNextGrade,
  type EntityHistory,
  type EntityScorecard,
  type FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';

/**
 * The stored result of one entity as the API shows it; `not-scanned` when there is none. Each
 * file carries its first `findingsPerFile` findings and its total.
 */
export async function buildEntityScorecard(
  store: ScorecardStore,
  entityRef: string,
  options: {
    findingsPerFile: number;
    /** Image inspection is on: the stored images go with the scorecard. */
    withImages?: boolean;
  },
): Promise<EntityScorecard> {
  const summary = await store.getEntitySummary(entityRef);
  if (!summary) {
    return {
      entityRef,
      status: 'not-scanned',
      counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      files: [],
    };
  }
  // Every finding is read once: the plan needs them all, the response only the first page.
  const allFiles = await store.getEntityFiles(entityRef);
  const files = allFiles.map(file => ({
    ...file,
    findings: file.findings.slice(0, options.findingsPerFile),
  }));
  const scorecard: EntityScorecard = {
    entityRef,
    status: summary.status,
    lastAttemptAt: summary.lastAttemptAt,
    counts: summary.counts,
    files,
  };
  // When every file failed there is no attempt-level error; the files say why, and when a limit
  // stopped the scan before any definition was found, the limit does.
  const error =
    summary.error ??
    (summary.status === 'could-not-analyse'
      ? [
          ...files.filter(f => f.error).map(f => `${f.path}: ${f.error}`),
          ...(files.length === 0
            ? (summary.partial ?? []).map(limit => limit.message)
            : []),
        ].join('; ')
      : undefined);
  if (error) scorecard.error = error;
  if (summary.partial?.length) scorecard.partial = summary.partial;
  if (summary.analysedAt) scorecard.analysedAt = summary.analysedAt;
  if (summary.rulesetVersion) scorecard.rulesetVersion = summary.rulesetVersion;
  if (summary.score !== undefined) scorecard.score = summary.score;
  if (summary.grade) scorecard.grade = summary.grade;
  if (summary.pillarScores) scorecard.pillarScores = summary.pillarScores;
  const nextGrade = nextGradeOf(allFiles, summary.score);
  if (nextGrade) scorecard.nextGrade = nextGrade;
  // Stored images stay when inspection is turned off, but are not shown: the field's absence
  // is how the API says inspection is off.
  const images = options.withImages
    ? await store.images.getEntityImages(entityRef)
    : undefined;
  if (images) scorecard.images = images;
  return scorecard;
}

/**
 * The fewest findings to fix for the next grade, over the analysed files. Only offered when the
 * plan, recomputed from the stored findings, starts from the stored score: a result whose
 * findings were cut by a limit would otherwise promise a grade the fixes do not reach.
 */
function nextGradeOf(
  files: FileScorecard[],
  score: number | undefined,
): ApiNextGrade | undefined {
  const analysed = files.filter(file => file.status === 'analysed');
  if (score === undefined || analysed.length === 0) return undefined;
  const plan = planNextGrade(
    analysed.map(file => ({
      findings: file.findings.map(finding => ({
        ...finding,
        suppressed:
          finding.suppressed && !finding.suppressed.expired ? true : undefined,
      })),
    })),
  );
  if (!plan || plan.currentScore !== score) return undefined;
  return {
    grade: plan.grade,
    score: plan.score,
    findings: plan.findings.map(finding => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      path: finding.path,
      range: finding.range,
      ...(finding.penalty !== undefined ? { penalty: finding.penalty } : {}),
    })),
  };
}

/** Daily snapshots of one entity from `sinceDay` on. */
export async function buildEntityHistory(
  store: ScorecardStore,
  entityRef: string,
  sinceDay: string,
): Promise<EntityHistory> {
  const points = await store.history.entityHistory(entityRef, sinceDay);
  return {
    entityRef,
    points: points.map(point => ({
      day: point.day,
      score: point.score,
      grade: point.grade,
      counts: point.counts,
      rulesetVersion: point.rulesetVersion,
      ...(point.pillarScores ? { pillarScores: point.pillarScores } : {}),
    })),
  };
}
