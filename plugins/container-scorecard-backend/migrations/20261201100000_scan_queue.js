// @ts-check

/**
 * The scan queue: the work every replica's scan worker claims in small batches, in the manner of
 * the catalog's processing loop, instead of one replica walking every entity. A sweep (the
 * scheduled full scan) makes every entity in scope due; a push event or an on-demand rescan makes
 * one due at once, ahead of the sweep. A claim lasts until its expiry: a replica that dies holding
 * one stops renewing it, and the others take the entity once it expires.
 *
 * Times are epoch milliseconds in integer columns, so SQLite and PostgreSQL compare them the same
 * way (knex stores a Date differently on each).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('container_scorecard_queue', table => {
    table.comment(
      'Per entity in scope: when it is due for a scan, which replica has claimed it, and the outcome of its last scan',
    );
    table
      .text('entity_ref')
      .primary()
      .notNullable()
      .comment('The entity, as a lower-cased ref');
    table
      .bigInteger('due_at_ms')
      .nullable()
      .comment(
        'Epoch ms from which the entity is due for a scan; null when nothing is asked of it until the next sweep or push',
      );
    table
      .integer('priority')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Higher is claimed first: 0 for a sweep, more for push events and on-demand rescans',
      );
    table
      .boolean('force')
      .notNullable()
      .defaultTo(false)
      .comment('Scan without the stored ETag (an on-demand rescan)');
    table
      .integer('request_seq')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Bumped by every request; a scan that ends leaves the entity due when a request came during it',
      );
    table
      .string('claimed_by', 255)
      .nullable()
      .comment('The replica scanning the entity now; null when unclaimed');
    table
      .bigInteger('claim_expires_at_ms')
      .nullable()
      .comment(
        'Epoch ms at which the claim lapses unless its replica renews it; then any replica may take the entity',
      );
    table
      .integer('run_id')
      .nullable()
      .comment(
        'The sweep (scan run) whose totals the next outcome counts towards',
      );
    table
      .bigInteger('last_attempt_ms')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Epoch ms of the last finished scan, 0 for never: the least recently scanned go first',
      );
    table
      .string('outcome', 16)
      .nullable()
      .comment(
        'Outcome of the last scan: analysed, unchanged, failed or skipped',
      );
    table
      .integer('files')
      .notNullable()
      .defaultTo(0)
      .comment('Files of the last scan');
    table
      .integer('findings')
      .notNullable()
      .defaultTo(0)
      .comment('Findings of the last scan');
    table.index(['due_at_ms'], 'container_scorecard_queue_due_idx');
    table.index(['run_id'], 'container_scorecard_queue_run_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('container_scorecard_queue');
};
