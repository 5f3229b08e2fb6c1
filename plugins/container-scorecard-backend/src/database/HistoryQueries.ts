import type {
  ApiPillar,
  ApiSeverity,
  TrendPoint,
} from '@container-scorecard/plugin-container-scorecard-common';
import { Knex } from 'knex';
import {
  chunk,
  countsOfRow,
  gradeOrUndefined,
  optionalString,
  pillarScoresOf,
} from './rowMapping';
import type { SnapshotRow } from './types';
import { ExpiringCache } from './ExpiringCache';

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
  /** Points the rule's findings take off their files' scores, summed. */
  points: number;
}

/**
 * Read-only queries over the history. Each takes an optional list of entity refs (the caller's
 * view); lists are queried in chunks and the partial sums combined, so any size works.
 */
export class HistoryQueries {
  constructor(
    private readonly db: Knex,
    private readonly cache: ExpiringCache,
  ) {}

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
    this.cache.clear();
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
    this.cache.clear();
  }

  /**
   * Recomputes the per-owner daily totals of `days` (every day when omitted) from the snapshots.
   * Runs after each scan; past days do not change afterwards, so a year of trend stays cheap.
   */
  async refreshDailyTotals(days?: string[]): Promise<void> {
    this.cache.clear();
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
    this.cache.clear();
  }

  /**
   * The mean score per day of everything the `owners` owned on each day (every owner when
   * omitted), from the daily totals. Only valid when the caller may see all of it.
   */
  async ownerTrend(
    sinceDay: string,
    owners?: readonly string[],
    hiddenRefs: readonly string[] = [],
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
    // Take out the entities the caller may not see: usually none or a handful.
    for (const part of chunk(hiddenRefs)) {
      const query = this.db(SNAPSHOTS)
        .select('day')
        .sum({ total: 'score' })
        .count({ n: '*' })
        .where('day', '>=', sinceDay)
        .whereIn('entity_ref', part)
        .groupBy('day');
      if (owners) query.whereIn('owner', owners);
      for (const row of (await query) as Record<string, any>[]) {
        const entry = totals.get(row.day);
        if (!entry) continue;
        entry.sum -= Number(row.total);
        entry.count -= Number(row.n);
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
    const onDay = (part?: readonly string[]) => {
      const query = this.db(SNAPSHOTS)
        .select('entity_ref', 'score', 'ruleset_version')
        .where({ day: sinceDay });
      if (part) query.whereIn('entity_ref', part);
      return query as Promise<Record<string, any>[]>;
    };
    // Runs leave a snapshot every day, so nearly every entity has one on the first day itself:
    // an index lookup. Only the rest (new entities, gaps) need the costlier search. Over the
    // whole store that day is the same for every caller until the next write: cached.
    if (options.wholeStore) {
      add(await this.cache.get(`snapshotsOn:${sinceDay}`, () => onDay()));
    } else {
      for (const part of chunk(refs)) add(await onDay(part));
    }
    const missing = refs.filter(ref => !result.has(ref));
    for (const part of chunk(missing)) {
      if (this.db.client.dialect === 'postgresql') {
        add(await this.firstSnapshotsAfterPg(sinceDay, part));
        continue;
      }
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

  /**
   * The first snapshot after `sinceDay` of each of `refs`: one primary-key probe per ref.
   * PostgreSQL cannot tell that most missing refs have no snapshots at all (never scored), so the
   * portable grouped query reads the whole table (~400 ms over a year of 10,000 entities).
   */
  private async firstSnapshotsAfterPg(
    sinceDay: string,
    refs: readonly string[],
  ): Promise<Record<string, any>[]> {
    const { rows } = await this.db.raw(
      `select r.entity_ref, s.score, s.ruleset_version
       from unnest(?::text[]) as r(entity_ref)
       cross join lateral (
         select score, ruleset_version from ${SNAPSHOTS} x
         where x.entity_ref = r.entity_ref and x.day > ?
         order by x.day limit 1
       ) s`,
      [[...refs], sinceDay],
    );
    return rows;
  }

  /**
   * Unsuppressed findings per rule across the latest results of the entities owned by `owners`
   * (every entity when omitted), leaving out `hiddenRefs`. The unrestricted answer is cached
   * briefly: it reads every finding, and only changes when a scan writes.
   */
  async failingRules(
    options: {
      owners?: readonly string[];
      hiddenRefs?: readonly string[];
    } = {},
  ): Promise<RuleFailureCount[]> {
    const { owners, hiddenRefs = [] } = options;
    const base = owners
      ? await this.countFindings(owners)
      : await this.cache.get('failingRules', () => this.countFindings());
    const totals = new Map(base.map(rule => [ruleKey(rule), { ...rule }]));
    for (const part of chunk(hiddenRefs)) {
      for (const hidden of await this.countFindings(owners, part)) {
        const entry = totals.get(ruleKey(hidden));
        if (!entry) continue;
        // Each entity counts once per rule, so distinct counts subtract exactly.
        entry.findings -= hidden.findings;
        entry.services -= hidden.services;
        entry.points -= hidden.points;
      }
    }
    return [...totals.values()].filter(rule => rule.findings > 0);
  }

  private async countFindings(
    owners?: readonly string[],
    refs?: readonly string[],
  ): Promise<RuleFailureCount[]> {
    const query = this.db(FINDINGS)
      .select('rule_id', 'pillar', 'severity')
      .count({ findings: '*' })
      .countDistinct({ services: 'entity_ref' })
      .sum({ points: 'penalty' })
      .where({ suppressed: false })
      .groupBy('rule_id', 'pillar', 'severity');
    if (owners) {
      query.whereIn(
        'entity_ref',
        this.db(ENTITIES).select('entity_ref').whereIn('owner', owners),
      );
    }
    if (refs) query.whereIn('entity_ref', refs);
    return ((await query) as Record<string, any>[]).map(row => ({
      ruleId: row.rule_id,
      pillar: row.pillar,
      severity: row.severity,
      findings: Number(row.findings),
      services: Number(row.services),
      points: Number(row.points ?? 0),
    }));
  }
}

function ruleKey(rule: { ruleId: string; severity: string }): string {
  return `${rule.ruleId}\u0000${rule.severity}`;
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
