// @ts-check

/**
 * Results: the latest result per entity with its files and findings, daily snapshots for trends,
 * and one row per scan run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('container_scorecard_entities', table => {
    table.comment(
      'The latest result per catalog entity; the last good result stays when a later attempt fails',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .comment('Stringified entity ref, e.g. component:default/payments');
    table
      .string('title', 255)
      .nullable()
      .comment('Entity title when it has one');
    table
      .string('owner', 255)
      .nullable()
      .comment('Owner entity ref (ownedBy relation) at the time of the scan');
    table
      .string('result_status', 32)
      .notNullable()
      .comment(
        'Status of the stored result: analysed, could-not-analyse or no-definitions',
      );
    table
      .text('error')
      .nullable()
      .comment(
        'Why the latest attempt could not analyse; null when it succeeded',
      );
    table
      .timestamp('last_attempt_at', { useTz: true })
      .notNullable()
      .comment('When the latest attempt ended');
    table
      .timestamp('analysed_at', { useTz: true })
      .nullable()
      .comment('When the stored result was computed');
    table
      .string('ruleset_version', 128)
      .nullable()
      .comment('Ruleset version of the stored result');
    table
      .float('score')
      .nullable()
      .comment('0-100, absent when nothing scored');
    table.string('grade', 1).nullable().comment('A-F, from the score');
    table
      .text('pillar_scores')
      .nullable()
      .comment('JSON object: pillar id to sub-score');
    for (const severity of ['critical', 'high', 'medium', 'low', 'info']) {
      table
        .integer(`count_${severity}`)
        .notNullable()
        .defaultTo(0)
        .comment(`Unsuppressed ${severity} findings`);
    }
    table
      .string('worst_rule_id', 128)
      .nullable()
      .comment('Rule with the most severe, then most frequent, findings');
    table
      .string('worst_rule_severity', 16)
      .nullable()
      .comment('Severity of the worst rule');
    table
      .integer('worst_rule_count')
      .nullable()
      .comment('Findings of the worst rule');
    table
      .text('source_key')
      .nullable()
      .comment(
        'Where the result was read from (location and path globs); an ETag only applies to the same key',
      );
    table
      .string('source_etag', 255)
      .nullable()
      .comment('ETag of the tree the stored result was computed from');
    table.index(['owner'], 'container_scorecard_entities_owner_idx');
  });

  await knex.schema.createTable('container_scorecard_files', table => {
    table.comment('Container definitions of the latest result of each entity');
    table.string('id', 36).primary().comment('Random id (UUID)');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity the file belongs to');
    table.text('path').notNullable().comment('Path inside the repository');
    table
      .string('kind', 32)
      .notNullable()
      .comment('dockerfile, compose or kubernetes');
    table
      .string('status', 32)
      .notNullable()
      .comment('analysed or could-not-analyse');
    table
      .text('error')
      .nullable()
      .comment('Why the file could not be analysed');
    table.float('score').nullable().comment('0-100 when analysed');
    table.string('grade', 1).nullable().comment('A-F when analysed');
    table
      .text('pillar_scores')
      .nullable()
      .comment('JSON object: pillar id to sub-score');
    table
      .text('counts')
      .notNullable()
      .comment('JSON object: unsuppressed findings per severity');
    table.text('url').nullable().comment('Where to view the file, when known');
    table.integer('position').notNullable().comment('Order within the entity');
    table.index(['entity_ref'], 'container_scorecard_files_entity_idx');
  });

  await knex.schema.createTable('container_scorecard_findings', table => {
    table.comment('Findings of the latest result of each entity');
    table.bigIncrements('id').primary().comment('Surrogate key');
    table
      .string('file_id', 36)
      .notNullable()
      .comment('container_scorecard_files.id of the file');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Entity the finding belongs to (denormalised for reports)');
    table.string('rule_id', 128).notNullable().comment('Stable rule id');
    table.string('pillar', 32).notNullable().comment('Pillar of the rule');
    table.string('severity', 16).notNullable().comment('Effective severity');
    table.text('message').notNullable().comment('What is wrong');
    table.text('path').notNullable().comment('Path of the file');
    table.integer('start_line').notNullable().comment('1-based start line');
    table.integer('start_column').notNullable().comment('1-based start column');
    table.integer('end_line').notNullable().comment('1-based end line');
    table.integer('end_column').notNullable().comment('1-based end column');
    table.text('snippet').notNullable().comment('The offending text');
    table.text('fix').nullable().comment('JSON: the automatic fix, if any');
    table
      .text('suppression')
      .nullable()
      .comment('JSON: the waiver that matched, if any (expired ones too)');
    table
      .boolean('suppressed')
      .notNullable()
      .comment(
        'True when a waiver in force removes the finding from the score',
      );
    table.index(['entity_ref'], 'container_scorecard_findings_entity_idx');
    table.index(['rule_id'], 'container_scorecard_findings_rule_idx');
  });

  await knex.schema.createTable('container_scorecard_snapshots', table => {
    table.comment(
      'One row per entity and day with a score: the history behind trends, pruned by retention',
    );
    table.string('entity_ref', 255).notNullable().comment('Entity ref');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .string('owner', 255)
      .nullable()
      .comment('Owner entity ref on that day');
    table.float('score').notNullable().comment('0-100');
    table.string('grade', 1).notNullable().comment('A-F');
    table
      .text('pillar_scores')
      .nullable()
      .comment('JSON object: pillar id to sub-score');
    for (const severity of ['critical', 'high', 'medium', 'low', 'info']) {
      table
        .integer(`count_${severity}`)
        .notNullable()
        .defaultTo(0)
        .comment(`Unsuppressed ${severity} findings`);
    }
    table
      .string('ruleset_version', 128)
      .notNullable()
      .comment('Ruleset version that computed the score');
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'container_scorecard_snapshots_day_idx');
    table.index(['owner', 'day'], 'container_scorecard_snapshots_owner_idx');
  });

  await knex.schema.createTable('container_scorecard_runs', table => {
    table.comment(
      'One row per scheduled or start-up scan of every entity in scope',
    );
    table.bigIncrements('id').primary().comment('Surrogate key');
    table
      .timestamp('started_at', { useTz: true })
      .notNullable()
      .comment('When the run began');
    table
      .timestamp('finished_at', { useTz: true })
      .nullable()
      .comment('When the run ended; null while running or after a crash');
    table
      .integer('entities')
      .notNullable()
      .defaultTo(0)
      .comment('Entities in scope');
    table
      .integer('unchanged')
      .notNullable()
      .defaultTo(0)
      .comment('Entities whose tree had not changed');
    table.integer('files').notNullable().defaultTo(0).comment('Files analysed');
    table
      .integer('findings')
      .notNullable()
      .defaultTo(0)
      .comment('Unsuppressed findings');
    table
      .integer('errors')
      .notNullable()
      .defaultTo(0)
      .comment('Entities that could not be analysed');
    table.integer('duration_ms').nullable().comment('Wall-clock duration');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('container_scorecard_runs');
  await knex.schema.dropTable('container_scorecard_snapshots');
  await knex.schema.dropTable('container_scorecard_findings');
  await knex.schema.dropTable('container_scorecard_files');
  await knex.schema.dropTable('container_scorecard_entities');
};
