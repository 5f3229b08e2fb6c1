// @ts-check

/**
 * What owners were last told about each entity: its grade and the critical and high findings it
 * had. A scan compares its result with this row, not with the previous result, so a regression
 * is announced once however often an unchanged result is scanned again, and on whichever
 * replica scans it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'container_scorecard_notification_state',
    table => {
      table.comment(
        'Per entity: the grade and critical/high findings its owners were last notified against',
      );
      table
        .text('entity_ref')
        .primary()
        .notNullable()
        .comment('The entity, as a lower-cased ref');
      table
        .string('grade', 1)
        .notNullable()
        .comment('The grade of the last analysed result (A-F)');
      table
        .float('score')
        .notNullable()
        .comment('The score of the last analysed result (0-100)');
      table
        .text('findings')
        .notNullable()
        .comment(
          'JSON array of fingerprints of the unwaived critical and high findings of the last analysed result',
        );
      table
        .bigInteger('updated_at_ms')
        .notNullable()
        .comment('Epoch ms of the result this row was last brought up to');
    },
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('container_scorecard_notification_state');
};
