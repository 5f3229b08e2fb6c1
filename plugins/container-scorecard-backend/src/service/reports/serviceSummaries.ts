import { Entity } from '@backstage/catalog-model';
import {
  aggregateEntityScores,
  type AggregateScore,
  type ApiGrade,
  type PillarId,
  type ServiceSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
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
  // Every row gets every field, in one order, even when undefined: rows of one shape are
  // several times cheaper to build and read over 10,000 services than rows that grow
  // field by field. `toServiceSummary` drops the empty fields from what is sent.
  return entities.map((entity, i): ServiceRow => {
    const entityRef = refs[i];
    const summary = byRef.get(entityRef);
    const from = summary ? firsts.get(entityRef) : undefined;
    const score = summary?.score;
    return {
      entityRef,
      title: entity.metadata.title || undefined,
      owner: lowerCaseEnUs(ownerOf(entity) ?? ''),
      status: summary?.status ?? 'not-scanned',
      score,
      grade: summary?.grade,
      trend:
        from && score !== undefined
          ? Math.round((score - from.score) * 10) / 10
          : undefined,
      worstRule: summary?.worstRule,
      counts: summary?.counts ?? { ...ZERO },
      from,
      rulesetVersion: summary?.rulesetVersion,
      pillarScores: summary?.pillarScores,
      error: summary?.error,
    };
  });
}

/**
 * The stored entities (all, or those whose owner at their last scan is one of `owners`). Read
 * fresh, never from a cache: a stale list could miss an entity another replica just stored, and
 * its score would then count in the caller's totals. Start it alongside the catalog query.
 */
export function readStoredRefs(
  store: ScorecardStore,
  owners?: readonly string[],
): Promise<string[]> {
  return owners ? store.listEntityRefsOwnedBy(owners) : store.listEntityRefs();
}

/**
 * The stored entities the caller cannot see. Aggregates start from totals over everything and
 * take these out, so nothing hidden leaks into an average while the common case (nothing
 * hidden) stays cheap.
 */
export function notVisible(stored: string[], visible: Entity[]): string[] {
  const visibleRefs = new Set(visible.map(refOf));
  return stored.filter(ref => !visibleRefs.has(ref));
}

/** The API shape of a row: the fields the API knows, and only those with a value. */
export function toServiceSummary(row: ServiceRow): ServiceSummary {
  const summary: ServiceSummary = {
    entityRef: row.entityRef,
    owner: row.owner,
    status: row.status,
    counts: row.counts,
  };
  if (row.title !== undefined) summary.title = row.title;
  if (row.score !== undefined) summary.score = row.score;
  if (row.grade !== undefined) summary.grade = row.grade;
  if (row.trend !== undefined) summary.trend = row.trend;
  if (row.worstRule !== undefined) summary.worstRule = row.worstRule;
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
