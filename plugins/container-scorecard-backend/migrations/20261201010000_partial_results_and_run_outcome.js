// @ts-check

/**
 * Partial results (a limit cut the scan of an entity or the analysis of a file short) and the
 * outcome of each scan run, so a run a killed process left behind reads as aborted rather than
 * as running forever.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('container_scorecard_entities', table => {
    table
      .text('partial')
      .nullable()
      .comment(
        'JSON array of the limits the stored result reached (limit, message, omitted); null when complete',
      );
  });
  await knex.schema.alterTable('container_scorecard_files', table => {
    table
      .text('partial')
      .nullable()
      .comment(
        'JSON array of the limits the analysis of this file reached; null when complete',
      );
  });
  // Pages of one file's findings: without it each page would read every finding of the entity.
  await knex.schema.alterTable('container_scorecard_findings', table => {
    table.index(['file_id', 'id'], 'container_scorecard_findings_file_idx');
  });
  await knex.schema.alterTable('container_scorecard_runs', table => {
    table
      .string('outcome', 16)
      .nullable()
      .comment(
        'completed, or aborted (timed out, or found unfinished after its process died); null while running',
      );
    table.text('outcome_reason').nullable().comment('Why the run was aborted');
    table
      .timestamp('heartbeat_at', { useTz: true })
      .nullable()
      .comment(
        'Last sign of life of a running run; a stale one means its process died',
      );
  });
  await knex('container_scorecard_runs')
    .whereNotNull('finished_at')
    .update({ outcome: 'completed' });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('container_scorecard_runs', table => {
    table.dropColumn('heartbeat_at');
    table.dropColumn('outcome_reason');
    table.dropColumn('outcome');
  });
  await knex.schema.alterTable('container_scorecard_findings', table => {
    table.dropIndex(['file_id', 'id'], 'container_scorecard_findings_file_idx');
  });
  await knex.schema.alterTable('container_scorecard_files', table => {
    table.dropColumn('partial');
  });
  await knex.schema.alterTable('container_scorecard_entities', table => {
    table.dropColumn('partial');
  });
};
