// @ts-check

/**
 * The extra source a file was read from (`container-scorecard.io/extra-sources`): its label and
 * location, shown per file. Rows stored before have none: their files keep showing the
 * `@<label>/` path they always had.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('container_scorecard_files', table => {
    table
      .text('source_label')
      .nullable()
      .comment(
        "The label of the extra source the file was read from (its path starts with @<label>/); null for the entity's own repository",
      );
    table
      .text('source_location')
      .nullable()
      .comment(
        'Where that extra source lives, as the annotation names it (a URL, or a file: location); null with source_label',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('container_scorecard_files', table => {
    table.dropColumn('source_label');
    table.dropColumn('source_location');
  });
};
