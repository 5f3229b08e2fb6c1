import { Entity } from '@backstage/catalog-model';
import {
  aggregateEntityScores,
  type AggregateScore,
  type ApiGrade,
  type PillarId,
  type ServiceSummary,
} from '@internal/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import type { EntitySummary } from '../../database/types';
import { lowerCaseEnUs, ownerOf, refOf } from '../discovery/catalogEntities';

/** A service as reports see it: the API summary plus what trends need. */
export interface ServiceRow extends ServiceSummary {
  /** Score at the start of the period and the ruleset that computed it. */
  from?: { score: number; rulesetVersion: string };
  rulesetVersion?: string;
  pillarScores?: Record<string, number>;
  error?: string;
}

const ZERO = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

/**
 * Joins the entities a caller can see with their stored results; entities with no result yet
 * are `not-scanned`. Ownership comes from the catalog now, not from the time of the scan.
 */
export async function loadServiceRows(
  store: ScorecardStore,
  entities: Entity[],
  sinceDay: string,
  options: { wholeStore?: boolean } = {},
): Promise<ServiceRow[]> {
  const refs = entities.map(refOf);
  // When the rows cover (nearly) everything stored, reading all rows beats long `in` lists.
  const [summaries, firsts] = await Promise.all([
    store.listSummaries(options.wholeStore ? undefined : refs),
    store.history.firstSnapshotsSince(sinceDay, refs, options),
  ]);
  const byRef = new Map<string, EntitySummary>(
    summaries.map(s => [s.entityRef, s]),
  );
  return entities.map((entity, i) => {
    const entityRef = refs[i];
    const summary = byRef.get(entityRef);
    const from = firsts.get(entityRef);
    const row: ServiceRow = {
      entityRef,
      owner: lowerCaseEnUs(ownerOf(entity) ?? ''),
      status: summary?.status ?? 'not-scanned',
      counts: summary?.counts ?? { ...ZERO },
    };
    if (entity.metadata.title) row.title = entity.metadata.title;
    if (!summary) return row;
    if (summary.score !== undefined) row.score = summary.score;
    if (summary.grade) row.grade = summary.grade;
    if (summary.worstRule) row.worstRule = summary.worstRule;
    if (summary.error) row.error = summary.error;
    if (summary.rulesetVersion) row.rulesetVersion = summary.rulesetVersion;
    if (summary.pillarScores) row.pillarScores = summary.pillarScores;
    if (from) {
      row.from = from;
      if (summary.score !== undefined) {
        row.trend = Math.round((summary.score - from.score) * 10) / 10;
      }
    }
    return row;
  });
}

/**
 * The stored entities (all, or those whose owner at their last scan is one of `owners`) that the
 * caller cannot see. Aggregates start from totals over everything and take these out, so nothing
 * hidden leaks into an average while the common case (nothing hidden) stays cheap.
 */
export async function hiddenStoredRefs(
  store: ScorecardStore,
  visible: Entity[],
  owners?: readonly string[],
): Promise<{ hidden: string[]; stored: number }> {
  const visibleRefs = new Set(visible.map(refOf));
  // Read fresh, never from a cache: a stale list could miss an entity another replica just
  // stored, and its score would then count in the caller's totals.
  const stored = owners
    ? await store.listEntityRefsOwnedBy(owners)
    : await store.listEntityRefs();
  return {
    hidden: stored.filter(ref => !visibleRefs.has(ref)),
    stored: stored.length,
  };
}

/** The API shape of a row (the extra fields stay inside the backend). */
export function toServiceSummary(row: ServiceRow): ServiceSummary {
  const { from, rulesetVersion, pillarScores, error, ...summary } = row;
  return summary;
}

/** A group's score: every service weighs the same (the engine's own group aggregation). */
export function aggregateRows(rows: ServiceRow[]): {
  score?: number;
  grade?: ApiGrade;
  analysedCount: number;
} {
  const aggregates: AggregateScore[] = rows.map(row =>
    row.score !== undefined && row.pillarScores
      ? {
          status: 'scored',
          score: row.score,
          grade: row.grade,
          pillarScores: row.pillarScores as Record<PillarId, number>,
          scoredCount: 1,
          couldNotAnalyseCount: 0,
          counts: row.counts,
        }
      : {
          status: 'no-data',
          scoredCount: 0,
          couldNotAnalyseCount: row.status === 'could-not-analyse' ? 1 : 0,
          counts: row.counts,
        },
  );
  const total = aggregateEntityScores(aggregates);
  return {
    score: total.score,
    grade: total.grade,
    analysedCount: total.scoredCount,
  };
}
