// @ts-check

/**
 * Daily score totals per owner: trends over a year for thousands of services read a few thousand
 * rows instead of millions of snapshots.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('container_scorecard_daily_totals', table => {
    table.comment(
      'Sum and number of entity scores per owner and day, derived from the snapshots after each run',
    );
    table
      .string('owner', 255)
      .notNullable()
      .comment('Owner entity ref on that day; empty when the entity had none');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.float('score_sum').notNullable().comment('Sum of the entity scores');
    table
      .integer('entity_count')
      .notNullable()
      .comment('Entities with a snapshot that day');
    table.primary(['owner', 'day']);
    table.index(['day'], 'container_scorecard_daily_totals_day_idx');
  });
  await knex.raw(`
    insert into container_scorecard_daily_totals (owner, day, score_sum, entity_count)
    select coalesce(owner, ''), day, sum(score), count(*)
    from container_scorecard_snapshots group by coalesce(owner, ''), day`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('container_scorecard_daily_totals');
};
