// @ts-check

/**
 * The points each finding takes off its file's score, so every page of findings can say what a
 * finding costs without re-scoring the file.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('container_scorecard_findings', table => {
    table
      .float('penalty')
      .nullable()
      .comment(
        'Points the finding takes off its file score (0 when waived or info); null for results stored before this column',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('container_scorecard_findings', table => {
    table.dropColumn('penalty');
  });
};
