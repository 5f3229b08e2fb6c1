import type {
  ApiPillar,
  ApiSeverity,
  TrendPoint,
} from '@internal/plugin-container-scorecard-common';
import { Knex } from 'knex';
import {
  chunk,
  countsOfRow,
  gradeOrUndefined,
  optionalString,
  pillarScoresOf,
} from './rowMapping';
import type { SnapshotRow } from './types';

const SNAPSHOTS = 'container_scorecard_snapshots';
const ENTITIES = 'container_scorecard_entities';
const FINDINGS = 'container_scorecard_findings';
const TOTALS = 'container_scorecard_daily_totals';

/** How often a rule fails across a set of entities. */
export interface RuleFailureCount {
  ruleId: string;
  pillar: ApiPillar;
  severity: ApiSeverity;
  findings: number;
  services: number;
}

/**
 * Read-only queries over the history. Each takes an optional list of entity refs (the caller's
 * view); lists are queried in chunks and the partial sums combined, so any size works.
 */
export class HistoryQueries {
  constructor(private readonly db: Knex) {}

  /** Snapshots of one entity from `sinceDay` on, oldest first. */
  async entityHistory(
    entityRef: string,
    sinceDay: string,
  ): Promise<SnapshotRow[]> {
    const rows = await this.db(SNAPSHOTS)
      .where({ entity_ref: entityRef })
      .andWhere('day', '>=', sinceDay)
      .orderBy('day');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      day: row.day,
      owner: optionalString(row.owner),
      score: Number(row.score),
      grade: gradeOrUndefined(row.grade)!,
      pillarScores: pillarScoresOf(row.pillar_scores),
      counts: countsOfRow(row),
      rulesetVersion: row.ruleset_version,
    }));
  }

  /**
   * Gives every entity with a score a snapshot for `day` if it has none yet: an unchanged
   * repository is not re-analysed, but its score still holds on that day. One statement per run.
   */
  async carryForward(day: string): Promise<void> {
    await this.db.raw(
      `insert into ${SNAPSHOTS} (entity_ref, day, owner, score, grade, pillar_scores,
         count_critical, count_high, count_medium, count_low, count_info, ruleset_version)
       select e.entity_ref, ?, e.owner, e.score, e.grade, e.pillar_scores,
         e.count_critical, e.count_high, e.count_medium, e.count_low, e.count_info, e.ruleset_version
       from ${ENTITIES} e
       where e.score is not null and e.grade is not null and e.ruleset_version is not null
         and not exists (select 1 from ${SNAPSHOTS} s where s.entity_ref = e.entity_ref and s.day = ?)
       on conflict (entity_ref, day) do nothing`,
      [day, day],
    );
  }

  /**
   * Recomputes the per-owner daily totals of `days` (every day when omitted) from the snapshots.
   * Runs after each scan; past days do not change afterwards, so a year of trend stays cheap.
   */
  async refreshDailyTotals(days?: string[]): Promise<void> {
    await this.db.transaction(async tx => {
      const stale = tx(TOTALS);
      if (days) stale.whereIn('day', days);
      await stale.delete();
      const where = days
        ? `where day in (${days.map(() => '?').join(', ')})`
        : '';
      await tx.raw(
        `insert into ${TOTALS} (owner, day, score_sum, entity_count)
         select coalesce(owner, ''), day, sum(score), count(*) from ${SNAPSHOTS}
         ${where} group by coalesce(owner, ''), day
         on conflict (owner, day) do update
           set score_sum = excluded.score_sum, entity_count = excluded.entity_count`,
        days ?? [],
      );
    });
  }

  /**
   * The mean score per day of everything the `owners` owned on each day (every owner when
   * omitted), from the daily totals. Only valid when the caller may see all of it.
   */
  async ownerTrend(
    sinceDay: string,
    owners?: readonly string[],
  ): Promise<TrendPoint[]> {
    const totals = new Map<string, { sum: number; count: number }>();
    for (const part of selectionParts(owners)) {
      const query = this.db(TOTALS)
        .select('day')
        .sum({ total: 'score_sum' })
        .sum({ n: 'entity_count' })
        .where('day', '>=', sinceDay)
        .groupBy('day');
      if (part) query.whereIn('owner', part);
      for (const row of (await query) as Record<string, any>[]) {
        const entry = totals.get(row.day) ?? { sum: 0, count: 0 };
        entry.sum += Number(row.total);
        entry.count += Number(row.n);
        totals.set(row.day, entry);
      }
    }
    return toTrendPoints(totals);
  }

  /** The mean score per day over the selected entities, oldest first. */
  async trend(
    sinceDay: string,
    refs?: readonly string[],
  ): Promise<TrendPoint[]> {
    const totals = new Map<string, { sum: number; count: number }>();
    for (const part of selectionParts(refs)) {
      const query = this.db(SNAPSHOTS)
        .select('day')
        .sum({ total: 'score' })
        .count({ n: '*' })
        .where('day', '>=', sinceDay)
        .groupBy('day');
      if (part) query.whereIn('entity_ref', part);
      for (const row of (await query) as Record<string, any>[]) {
        const entry = totals.get(row.day) ?? { sum: 0, count: 0 };
        entry.sum += Number(row.total);
        entry.count += Number(row.n);
        totals.set(row.day, entry);
      }
    }
    return toTrendPoints(totals);
  }

  /**
   * Each entity's first snapshot on or after `sinceDay`: the "from" of a trend or a mover.
   */
  async firstSnapshotsSince(
    sinceDay: string,
    refs: readonly string[],
    options: { wholeStore?: boolean } = {},
  ): Promise<Map<string, { score: number; rulesetVersion: string }>> {
    const result = new Map<string, { score: number; rulesetVersion: string }>();
    const add = (rows: Record<string, any>[]) => {
      for (const row of rows) {
        result.set(row.entity_ref, {
          score: Number(row.score),
          rulesetVersion: row.ruleset_version,
        });
      }
    };
    // Runs leave a snapshot every day, so nearly every entity has one on the first day itself:
    // an index lookup. Only the rest (new entities, gaps) need the costlier search.
    for (const part of selectionParts(options.wholeStore ? undefined : refs)) {
      const query = this.db(SNAPSHOTS)
        .select('entity_ref', 'score', 'ruleset_version')
        .where({ day: sinceDay });
      if (part) query.whereIn('entity_ref', part);
      add(await query);
    }
    const missing = refs.filter(ref => !result.has(ref));
    for (const part of chunk(missing)) {
      const firstDays = this.db(SNAPSHOTS)
        .select('entity_ref')
        .min({ first_day: 'day' })
        .where('day', '>', sinceDay)
        .groupBy('entity_ref');
      firstDays.whereIn('entity_ref', part);
      const rows = await this.db(SNAPSHOTS)
        .join(firstDays.as('f'), function joinFirst() {
          this.on('f.entity_ref', '=', `${SNAPSHOTS}.entity_ref`).andOn(
            'f.first_day',
            '=',
            `${SNAPSHOTS}.day`,
          );
        })
        .select(
          `${SNAPSHOTS}.entity_ref as entity_ref`,
          `${SNAPSHOTS}.score as score`,
          `${SNAPSHOTS}.ruleset_version as ruleset_version`,
        );
      add(rows.filter(row => !result.has(row.entity_ref)));
    }
    return result;
  }

  /** Unsuppressed findings per rule across the selected entities' latest results. */
  async failingRules(refs?: readonly string[]): Promise<RuleFailureCount[]> {
    const totals = new Map<string, RuleFailureCount>();
    for (const part of selectionParts(refs)) {
      const query = this.db(FINDINGS)
        .select('rule_id', 'pillar', 'severity')
        .count({ findings: '*' })
        .countDistinct({ services: 'entity_ref' })
        .where({ suppressed: false })
        .groupBy('rule_id', 'pillar', 'severity');
      if (part) query.whereIn('entity_ref', part);
      for (const row of (await query) as Record<string, any>[]) {
        const key = `${row.rule_id}\u0000${row.severity}`;
        const entry = totals.get(key) ?? {
          ruleId: row.rule_id,
          pillar: row.pillar,
          severity: row.severity,
          findings: 0,
          services: 0,
        };
        entry.findings += Number(row.findings);
        // Chunks partition the entities, so per-chunk distinct counts add up.
        entry.services += Number(row.services);
        totals.set(key, entry);
      }
    }
    return [...totals.values()];
  }
}

function toTrendPoints(
  totals: Map<string, { sum: number; count: number }>,
): TrendPoint[] {
  return [...totals.entries()]
    .filter(([, { count }]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { sum, count }]) => ({
      day,
      score: Math.round((sum / count) * 10) / 10,
    }));
}

/** `[undefined]` means "no filter": one query over everything. */
function selectionParts(
  refs: readonly string[] | undefined,
): (string[] | undefined)[] {
  if (!refs) return [undefined];
  return chunk(refs);
}
