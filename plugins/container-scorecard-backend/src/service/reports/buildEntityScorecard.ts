import type {
  EntityHistory,
  EntityScorecard,
} from '@internal/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';

/**
 * The stored result of one entity as the API shows it; `not-scanned` when there is none. Each
 * file carries its first `findingsPerFile` findings and its total.
 */
export async function buildEntityScorecard(
  store: ScorecardStore,
  entityRef: string,
  options: { findingsPerFile: number },
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
  const files = await store.getEntityFiles(entityRef, options);
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
  return scorecard;
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
