// @ts-check

/**
 * Results of rendered files (Helm charts): a finding may point into a values file, so it keeps
 * where it was rendered from and its own link; a file keeps how it was rendered.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('container_scorecard_findings', table => {
    table
      .text('rendered_from')
      .nullable()
      .comment(
        'JSON: for a finding on a rendered file, the template and line it was rendered from and the values file and key; null otherwise',
      );
    table
      .text('url')
      .nullable()
      .comment(
        "Where to view the finding's line when it points at another file than its result's (a values file); null otherwise",
      );
  });
  await knex.schema.alterTable('container_scorecard_files', table => {
    table
      .text('rendering')
      .nullable()
      .comment(
        'JSON: for a rendered file, the renderer, the chart directory, the values files applied and notes; null otherwise',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('container_scorecard_findings', table => {
    table.dropColumn('rendered_from');
    table.dropColumn('url');
  });
  await knex.schema.alterTable('container_scorecard_files', table => {
    table.dropColumn('rendering');
  });
};
