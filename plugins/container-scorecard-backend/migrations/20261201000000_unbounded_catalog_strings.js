// @ts-check

/**
 * Catalog-supplied strings (titles, owners, entity refs), ETags from source control and rule ids
 * from backend modules have no length limit of their own. As varchar(255) on PostgreSQL an entity
 * with a long title could never be stored ("value too long for type character varying(255)"),
 * so these columns become `text`.
 *
 * PostgreSQL keeps primary keys, indexes, nullability and defaults across `alter column ... type
 * text` (varchar to text needs no rewrite of the rows either). SQLite never enforced the declared
 * length (a varchar column has TEXT affinity), so there is nothing to change there; knex would
 * rebuild every table to "alter" it, for no gain.
 *
 * Entity refs and owners are also index keys, and PostgreSQL's b-tree refuses entries above about
 * 2.7 KB. Entity refs stay far below that (the catalog bounds kinds, namespaces and names to 63
 * characters); owners come from `spec.owner`, which it does not bound, so the store cuts an owner
 * beyond 2,000 bytes and marks it (`src/database/boundedKey.ts`). A write that still fails is
 * reported on the entity, not lost. Column comments survive the type change.
 */

/** @type {Record<string, string[]>} table to its unbounded columns */
const COLUMNS = {
  container_scorecard_scans: ['entity_ref'],
  container_scorecard_entities: [
    'entity_ref',
    'title',
    'owner',
    'ruleset_version',
    'worst_rule_id',
    'source_etag',
  ],
  container_scorecard_files: ['entity_ref'],
  container_scorecard_findings: ['entity_ref', 'rule_id'],
  container_scorecard_snapshots: ['entity_ref', 'owner', 'ruleset_version'],
  container_scorecard_daily_totals: ['owner'],
};

/** The declared lengths before this migration, for `down`. */
const PREVIOUS_LENGTH = {
  ruleset_version: 128,
  worst_rule_id: 128,
  rule_id: 128,
};

/**
 * @param {import('knex').Knex} knex
 */
function isPostgres(knex) {
  return knex.client.dialect === 'postgresql';
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) {
      await knex.raw('alter table ?? alter column ?? type text', [
        table,
        column,
      ]);
    }
  }
};

/**
 * Back to the old bounded types; longer values are cut to fit, as they could not have been stored
 * before this migration either.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) {
      const length =
        PREVIOUS_LENGTH[/** @type {keyof PREVIOUS_LENGTH} */ (column)] ?? 255;
      await knex.raw(
        `alter table ?? alter column ?? type varchar(${length}) using left(??, ${length})`,
        [table, column, column],
      );
    }
  }
};
