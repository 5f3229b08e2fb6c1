// @ts-check

/**
 * Image inspection (docs/images.md): one row per image reference of each entity's latest result,
 * and when the entity's images were last inspected. `last_digest` outlives failed inspections, so
 * the next scan that reads the tag can still tell that it moved (`image-tag-moved`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('container_scorecard_entities', table => {
    table
      .timestamp('images_inspected_at', { useTz: true })
      .nullable()
      .comment(
        'When the images of the stored result were inspected; null when image inspection was off',
      );
  });
  await knex.schema.createTable('container_scorecard_images', table => {
    table.comment(
      'Images named by the latest result of each entity: inspected, could not inspect, or not inspected (with why)',
    );
    table.string('id', 36).primary().comment('Random id (UUID)');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity whose definitions or annotation name the image');
    table
      .integer('position')
      .notNullable()
      .comment('Order of first appearance among the entity images');
    table
      .text('reference')
      .notNullable()
      .comment('The image reference as the definition or annotation wrote it');
    table
      .text('used_by')
      .notNullable()
      .comment(
        'JSON array of what names it: dockerfile, compose, kubernetes, annotation',
      );
    table
      .string('status', 16)
      .notNullable()
      .comment(
        'inspected, failed (could not inspect) or not-inspected (a limit, an unresolved reference, a registry not configured)',
      );
    table
      .text('reason')
      .nullable()
      .comment('Why it was not inspected or could not be; null when inspected');
    table
      .text('digest')
      .nullable()
      .comment('Digest the reference resolved to at this inspection');
    table
      .text('last_digest')
      .nullable()
      .comment(
        'Digest at the latest inspection that read it (carried over failures), for image-tag-moved',
      );
    table
      .text('platforms')
      .nullable()
      .comment('JSON array of os/architecture[/variant] the image offers');
    table
      .text('created')
      .nullable()
      .comment('The image config created timestamp as the builder wrote it');
    table
      .bigInteger('compressed_size')
      .nullable()
      .comment('Sum of the compressed layer sizes, in bytes');
    table.integer('layer_count').nullable().comment('Number of layers');
    table
      .text('config_user')
      .nullable()
      .comment('The image config User ("" means root)');
    table
      .boolean('signed')
      .nullable()
      .comment('A signature was found; null when the lookup failed');
    table
      .float('score')
      .nullable()
      .comment('0-100, scored like a file; null unless inspected');
    table
      .text('pillar_scores')
      .nullable()
      .comment('JSON object: pillar id to sub-score');
    table
      .text('findings')
      .notNullable()
      .comment('JSON array of the image findings (path is the reference)');
    table
      .text('counts')
      .notNullable()
      .comment('JSON object: findings per severity');
    table
      .timestamp('inspected_at', { useTz: true })
      .notNullable()
      .comment('When the image was inspected');
    table.index(['entity_ref'], 'container_scorecard_images_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('container_scorecard_images');
  await knex.schema.alterTable('container_scorecard_entities', table => {
    table.dropColumn('images_inspected_at');
  });
};
