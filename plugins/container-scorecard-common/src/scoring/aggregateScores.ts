import { PILLAR_IDS } from '../model/pillars';
import type {
  FileResult,
  Grade,
  PillarId,
  SeverityCounts,
} from '../model/types';
import { gradeOf, WORST_FILE_SHARE } from './scoringModel';

/**
 * A score over several files (an entity) or several entities (a team, an organisation).
 * `status` is `no-data` when nothing could be scored: no container definitions, or only files
 * that could not be analysed. That is never a zero and never a pass.
 *
 * @public
 */
export interface AggregateScore {
  status: 'scored' | 'no-data';
  score?: number;
  grade?: Grade;
  pillarScores?: Record<PillarId, number>;
  /** Items that contributed to the score. */
  scoredCount: number;
  /** Files that could not be analysed (entity level), or entities with only such files. */
  couldNotAnalyseCount: number;
  counts: SeverityCounts;
}

interface Scored {
  score: number;
  pillarScores: Record<PillarId, number>;
  counts: SeverityCounts;
}

function sumCounts(items: { counts: SeverityCounts }[]): SeverityCounts {
  const total: SeverityCounts = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
  };
  for (const item of items) {
    for (const key of Object.keys(total) as (keyof SeverityCounts)[])
      total[key] += item.counts[key];
  }
  return total;
}

/** Half the mean, half the worst: both only rise when a finding is fixed or a clean file is added. */
function blend(values: number[], worstShare: number): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const worst = Math.min(...values);
  return Math.round((1 - worstShare) * mean + worstShare * worst);
}

function combine(
  items: Scored[],
  worstShare: number,
  couldNotAnalyseCount: number,
): AggregateScore {
  const counts = sumCounts(items);
  if (items.length === 0) {
    return { status: 'no-data', scoredCount: 0, couldNotAnalyseCount, counts };
  }
  const score = blend(
    items.map(i => i.score),
    worstShare,
  );
  const pillarScores = {} as Record<PillarId, number>;
  for (const pillar of PILLAR_IDS) {
    pillarScores[pillar] = blend(
      items.map(i => i.pillarScores[pillar]),
      worstShare,
    );
  }
  return {
    status: 'scored',
    score,
    grade: gradeOf(score),
    pillarScores,
    scoredCount: items.length,
    couldNotAnalyseCount,
    counts,
  };
}

/**
 * The score of an entity from its files: `(1 - w) × mean + w × worst` with `w = WORST_FILE_SHARE`,
 * over analysed files only. One dreadful file cannot hide among clean ones, and one bad file
 * does not erase the rest. Files that could not be analysed are counted, not scored;
 * `not-applicable` files are ignored.
 *
 * @public
 */
export function aggregateFileResults(
  files: readonly FileResult[],
): AggregateScore {
  const analysed = files.filter(
    (f): f is FileResult & Scored =>
      f.status === 'analysed' && f.score !== undefined && !!f.pillarScores,
  );
  const failed = files.filter(f => f.status === 'could-not-analyse').length;
  return combine(analysed, WORST_FILE_SHARE, failed);
}

/**
 * The score of a group (team, organisation) from its entities' aggregates: the plain mean, so
 * every service weighs the same whatever its number of files. Entities with no data are
 * counted in `couldNotAnalyseCount` only when some of their files could not be analysed.
 *
 * @public
 */
export function aggregateEntityScores(
  entities: readonly AggregateScore[],
): AggregateScore {
  const scored = entities.filter(
    (e): e is AggregateScore & Scored =>
      e.status === 'scored' && e.score !== undefined && !!e.pillarScores,
  );
  const failed = entities.filter(
    e => e.status === 'no-data' && e.couldNotAnalyseCount > 0,
  ).length;
  return combine(scored, 0, failed);
}
