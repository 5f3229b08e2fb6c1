import type { ApiGrade } from '@container-scorecard/plugin-container-scorecard-common';
import { Knex } from 'knex';
import { gradeOrUndefined, optionalNumber, optionalString } from './rowMapping';

const ENTITIES = 'container_scorecard_entities';
const FINDINGS = 'container_scorecard_findings';

/** One stored entity as search indexes it. */
export interface SearchableEntity {
  entityRef: string;
  title?: string;
  score?: number;
  grade?: ApiGrade;
  /** Distinct (rule, message, path) triples, in the order the engine first reported them. */
  findings: { ruleId: string; message: string; path: string }[];
}

/**
 * What search indexes, read in keyset pages: a collator walks any number of entities while
 * holding one page in memory, and pages stay stable while scans store new results.
 */
export class SearchQueries {
  constructor(private readonly db: Knex) {}

  /**
   * Up to `limit` stored entities whose ref sorts after `after`, each with at most
   * `findingsPerEntity` distinct findings: a compose file of 10,000 services repeats one rule
   * thousands of times, and a search document needs each text once.
   */
  async page(options: {
    after?: string;
    limit: number;
    findingsPerEntity: number;
  }): Promise<SearchableEntity[]> {
    const query = this.db(ENTITIES)
      .select('entity_ref', 'title', 'score', 'grade')
      .orderBy('entity_ref')
      .limit(options.limit);
    if (options.after) query.where('entity_ref', '>', options.after);
    const rows = await query;
    if (rows.length === 0) return [];
    const refs = rows.map(r => String(r.entity_ref));

    // Distinct triples first, then the first N per entity by where they first appeared;
    // row_number() runs on PostgreSQL and SQLite ≥ 3.25 alike.
    const distinct = this.db(FINDINGS)
      .whereIn('entity_ref', refs)
      .groupBy('entity_ref', 'rule_id', 'message', 'path')
      .select('entity_ref', 'rule_id', 'message', 'path')
      .min({ first_id: 'id' })
      .as('distinct_findings');
    const ranked = this.db
      .select(
        '*',
        this.db.raw(
          'row_number() over (partition by entity_ref order by first_id) as rank_in_entity',
        ),
      )
      .from(distinct)
      .as('ranked');
    const findingRows = await this.db
      .select('entity_ref', 'rule_id', 'message', 'path')
      .from(ranked)
      .where('rank_in_entity', '<=', options.findingsPerEntity)
      .orderBy([{ column: 'entity_ref' }, { column: 'first_id' }]);

    const byRef = new Map<string, SearchableEntity['findings']>();
    for (const row of findingRows) {
      const list = byRef.get(row.entity_ref) ?? [];
      list.push({ ruleId: row.rule_id, message: row.message, path: row.path });
      byRef.set(row.entity_ref, list);
    }
    return rows.map(row => ({
      entityRef: row.entity_ref,
      title: optionalString(row.title),
      score: optionalNumber(row.score),
      grade: gradeOrUndefined(row.grade),
      findings: byRef.get(row.entity_ref) ?? [],
    }));
  }
}
