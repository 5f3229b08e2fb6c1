// @ts-check

/**
 * The scan log: one row per attempt to analyse one entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('container_scorecard_scans', table => {
    table.comment(
      'One row per attempt to analyse the container definitions of one entity',
    );
    table.bigIncrements('id').primary().comment('Surrogate key');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment(
        'Stringified ref of the scanned entity, e.g. component:default/payments',
      );
    table
      .string('status', 32)
      .notNullable()
      .comment(
        'ok, or could-not-analyse when the repository or files could not be read',
      );
    table
      .text('error')
      .nullable()
      .comment('Why the scan could not analyse, when it could not');
    table
      .timestamp('started_at', { useTz: true })
      .notNullable()
      .comment('When the scan began');
    table
      .timestamp('finished_at', { useTz: true })
      .nullable()
      .comment('When the scan ended');
    table.index(
      ['entity_ref', 'started_at'],
      'container_scorecard_scans_entity_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('container_scorecard_scans');
};
