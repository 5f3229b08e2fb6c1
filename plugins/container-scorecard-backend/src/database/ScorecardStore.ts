import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  ApiLimitReached,
  ApiSeverity,
  FileScorecard,
  ApiFinding,
} from '@container-scorecard/plugin-container-scorecard-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  chunk,
  countColumns,
  countsOfRow,
  dayOf,
  gradeOrUndefined,
  optionalNumber,
  optionalString,
  parseJson,
  pillarScoresOf,
  toIso,
} from './rowMapping';
import { HistoryQueries } from './HistoryQueries';
import {
  ImageQueries,
  replaceEntityImages,
  type EntityImagesInput,
} from './ImageQueries';
import { boundedKey } from './boundedKey';
import { ExpiringCache } from './ExpiringCache';
import { ScanQueueStore } from './ScanQueueStore';
import { SearchQueries } from './SearchQueries';
import type {
  EntityFailureInput,
  EntityResultInput,
  EntitySummary,
  ResultStatus,
  RunRecord,
  RunTotals,
} from './types';

const migrationsDir = resolvePackagePath(
  '@container-scorecard/plugin-container-scorecard-backend',
  'migrations',
);

const T = {
  scans: 'container_scorecard_scans',
  entities: 'container_scorecard_entities',
  files: 'container_scorecard_files',
  findings: 'container_scorecard_findings',
  snapshots: 'container_scorecard_snapshots',
  runs: 'container_scorecard_runs',
  totals: 'container_scorecard_daily_totals',
  images: 'container_scorecard_images',
} as const;

/** Persistence for scans, results and history. */
export class ScorecardStore {
  /** Trend, movers and rule statistics over the stored history. */
  readonly history: HistoryQueries;
  /** Due scans per entity, claimed by the replicas' scan workers. */
  readonly queue: ScanQueueStore;
  /** Stored results in pages, as the search collator indexes them. */
  readonly search: SearchQueries;
  /** Inspected images of the latest results, and the digests that feed image-tag-moved. */
  readonly images: ImageQueries;

  /** Connects to the plugin's database and brings its schema up to date. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<ScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new ScorecardStore(client);
  }

  /** Test seam: wraps an already-migrated client. */
  static fromClient(client: Knex): ScorecardStore {
    return new ScorecardStore(client);
  }

  private readonly cache = new ExpiringCache();

  private constructor(private readonly db: Knex) {
    this.history = new HistoryQueries(db, this.cache);
    this.queue = new ScanQueueStore(db);
    this.search = new SearchQueries(db);
    this.images = new ImageQueries(db);
  }

  /** Round-trips to the database; throws when it cannot be reached. */
  async ping(): Promise<void> {
    await this.db.raw('select 1');
  }

  /**
   * The plugin's tables that do not answer a one-row read (dropped, renamed, unreadable): empty
   * when the schema is whole. A health check must not say "ok" over a store that cannot serve.
   */
  async listBrokenTables(): Promise<string[]> {
    const tables = Object.values(T);
    const answers = await Promise.all(
      tables.map(table =>
        this.db(table)
          .select(this.db.raw('1'))
          .limit(1)
          .then(
            () => true,
            () => false,
          ),
      ),
    );
    return tables.filter((_, i) => !answers[i]);
  }

  /** Names of the tables the migrations created, for schema checks. */
  async listTables(): Promise<string[]> {
    const candidates = Object.values(T);
    const present = await Promise.all(
      candidates.map(name => this.db.schema.hasTable(name)),
    );
    return candidates.filter((_, i) => present[i]);
  }

  /**
   * Replaces one entity's result, files, findings and today's snapshot in one transaction: if any
   * write fails, the previous result is left exactly as it was.
   */
  async saveResult(input: EntityResultInput): Promise<void> {
    this.cache.clear(); // and again below: a read during the write may have cached old rows
    await this.db.transaction(async tx => {
      // Writing the entity row first locks it: a concurrent writer of the same entity (another
      // replica, a rescan) waits here until this transaction ends, so their files never mix.
      const entityRow = {
        entity_ref: input.entityRef,
        title: input.title ?? null,
        owner: boundedKey(input.owner) ?? null,
        result_status: input.status,
        error: null,
        last_attempt_at: input.analysedAt,
        analysed_at: input.analysedAt,
        ruleset_version: input.rulesetVersion,
        score: input.score ?? null,
        grade: input.grade ?? null,
        pillar_scores: input.pillarScores
          ? JSON.stringify(input.pillarScores)
          : null,
        ...countColumns(input.counts),
        worst_rule_id: input.worstRule?.ruleId ?? null,
        worst_rule_severity: input.worstRule?.severity ?? null,
        worst_rule_count: input.worstRule?.count ?? null,
        source_key: input.sourceKey,
        source_etag: input.etag ?? null,
        partial: input.partial?.length ? JSON.stringify(input.partial) : null,
      };
      await tx(T.entities).insert(entityRow).onConflict('entity_ref').merge();

      await this.logAttempt(tx, input.entityRef, input.status, undefined);
      await tx(T.findings).where({ entity_ref: input.entityRef }).delete();
      await tx(T.files).where({ entity_ref: input.entityRef }).delete();

      const fileRows = input.files.map((file, position) => ({
        id: randomUUID(),
        entity_ref: input.entityRef,
        path: file.path,
        kind: file.kind,
        status: file.status,
        error: file.error ?? null,
        score: file.score ?? null,
        grade: file.grade ?? null,
        pillar_scores: file.pillarScores
          ? JSON.stringify(file.pillarScores)
          : null,
        counts: JSON.stringify(file.counts),
        url: file.url ?? null,
        partial: file.partial?.length ? JSON.stringify(file.partial) : null,
        rendering: file.rendering ? JSON.stringify(file.rendering) : null,
        source_label: file.source?.label ?? null,
        source_location: file.source?.location ?? null,
        position,
      }));
      const findingRows = input.files.flatMap((file, i) =>
        file.findings.map(finding =>
          findingRow(finding, fileRows[i].id, input.entityRef),
        ),
      );
      // Plain inserts in chunks, in this transaction (knex's batchInsert nests one of its own).
      for (const part of chunk(fileRows, 200)) await tx(T.files).insert(part);
      for (const part of chunk(findingRows, 200)) {
        await tx(T.findings).insert(part);
      }

      if (input.images) {
        await replaceEntityImages(tx, input.entityRef, input.images);
      }

      if (input.score !== undefined && input.grade) {
        await tx(T.snapshots)
          .insert({
            entity_ref: input.entityRef,
            day: dayOf(input.analysedAt),
            owner: boundedKey(input.owner) ?? null,
            score: input.score,
            grade: input.grade,
            pillar_scores: entityRow.pillar_scores,
            ...countColumns(input.counts),
            ruleset_version: input.rulesetVersion,
          })
          .onConflict(['entity_ref', 'day'])
          .merge();
      }
    });
    this.cache.clear();
  }

  /** Records a failed attempt; the stored result, files and history stay as they were. */
  async saveFailure(input: EntityFailureInput): Promise<void> {
    this.cache.clear(); // and again below: a read during the write may have cached old rows
    await this.db.transaction(async tx => {
      await this.logAttempt(
        tx,
        input.entityRef,
        'could-not-analyse',
        input.error,
      );
      const updated = await tx(T.entities)
        .where({ entity_ref: input.entityRef })
        .update({ error: input.error, last_attempt_at: input.attemptedAt });
      if (!updated) {
        await tx(T.entities).insert({
          entity_ref: input.entityRef,
          title: input.title ?? null,
          owner: boundedKey(input.owner) ?? null,
          result_status: 'could-not-analyse',
          error: input.error,
          last_attempt_at: input.attemptedAt,
        });
      }
    });
    this.cache.clear();
  }

  /** The tree had not changed: the stored result is current again. */
  async markUnchanged(
    entityRef: string,
    at: Date,
    details: { title?: string; owner?: string },
  ): Promise<void> {
    this.cache.clear();
    await this.db(T.entities)
      .where({ entity_ref: entityRef })
      .update({
        error: null,
        last_attempt_at: at,
        title: details.title ?? null,
        owner: boundedKey(details.owner) ?? null,
      });
    this.cache.clear();
  }

  /**
   * The repository was unchanged but its images were inspected again (tags move without a
   * commit): the image rows are replaced and the entity's counts move by the difference in
   * image findings, in one transaction.
   */
  async refreshImages(
    entityRef: string,
    images: EntityImagesInput,
  ): Promise<void> {
    this.cache.clear();
    await this.db.transaction(tx =>
      replaceEntityImages(tx, entityRef, images, { adjustEntityCounts: true }),
    );
    this.cache.clear();
  }

  /** The latest state of one entity, or undefined when it was never scanned. */
  async getEntitySummary(
    entityRef: string,
  ): Promise<EntitySummary | undefined> {
    const row = await this.db(T.entities)
      .where({ entity_ref: entityRef })
      .first();
    return row ? summaryOfRow(row) : undefined;
  }

  /** Latest states of the given entities (all stored ones when `refs` is undefined). */
  async listSummaries(refs?: readonly string[]): Promise<EntitySummary[]> {
    if (!refs) {
      return this.cache.get('summaries', async () =>
        (await this.db(T.entities).select()).map(summaryOfRow),
      );
    }
    const rows: Record<string, unknown>[] = [];
    for (const part of chunk(refs)) {
      rows.push(...(await this.db(T.entities).whereIn('entity_ref', part)));
    }
    return rows.map(summaryOfRow);
  }

  /** How many of `refs` have a stored result (all stored entities when `refs` is omitted). */
  async countEntities(refs?: readonly string[]): Promise<number> {
    if (!refs) {
      const [row] = await this.db(T.entities).count({ n: '*' });
      return Number(row.n);
    }
    let total = 0;
    for (const part of chunk(refs)) {
      const [row] = await this.db(T.entities)
        .whereIn('entity_ref', part)
        .count({ n: '*' });
      total += Number(row.n);
    }
    return total;
  }

  /** Refs of the stored entities whose owner (at their last scan) is one of `owners`. */
  async listEntityRefsOwnedBy(owners: readonly string[]): Promise<string[]> {
    const refs: string[] = [];
    for (const part of chunk(owners)) {
      const rows = await this.db(T.entities)
        .whereIn('owner', part)
        .select('entity_ref');
      refs.push(...rows.map(r => r.entity_ref));
    }
    return refs;
  }

  /** Every stored entity ref, to notice entities that left the catalog. */
  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db(T.entities).select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  /** Forgets the latest results of entities that left the scope; their history ages out. */
  async removeEntities(refs: readonly string[]): Promise<void> {
    this.cache.clear();
    for (const part of chunk(refs)) {
      await this.db.transaction(async tx => {
        await tx(T.findings).whereIn('entity_ref', part).delete();
        await tx(T.files).whereIn('entity_ref', part).delete();
        await tx(T.images).whereIn('entity_ref', part).delete();
        await tx(T.entities).whereIn('entity_ref', part).delete();
      });
    }
    this.cache.clear();
  }

  /**
   * The files of the stored result in the order they were written, each with its first
   * `findingsPerFile` findings (in the order the engine gave them) and its total: one file may
   * hold tens of thousands, and a scorecard must stay small enough to send and render.
   */
  async getEntityFiles(
    entityRef: string,
    options: { findingsPerFile?: number } = {},
  ): Promise<FileScorecard[]> {
    const fileRows = await this.db(T.files)
      .where({ entity_ref: entityRef })
      .orderBy('position');
    const totals = new Map<string, number>(
      (
        await this.db(T.findings)
          .where({ entity_ref: entityRef })
          .groupBy('file_id')
          .select('file_id')
          .count({ n: '*' })
      ).map((row: Record<string, unknown>) => [
        String(row.file_id),
        Number(row.n),
      ]),
    );
    const limit = options.findingsPerFile;
    // row_number() keeps the first N of each file in one query (PostgreSQL, SQLite ≥ 3.25).
    const findingRows =
      limit === undefined
        ? await this.db(T.findings)
            .where({ entity_ref: entityRef })
            .orderBy('id')
        : await this.db
            .select('*')
            .from(
              this.db(T.findings)
                .where({ entity_ref: entityRef })
                .select(
                  '*',
                  this.db.raw(
                    'row_number() over (partition by file_id order by id) as position_in_file',
                  ),
                )
                .as('ranked'),
            )
            .where('position_in_file', '<=', limit)
            .orderBy('id');
    const byFile = new Map<string, ApiFinding[]>();
    for (const row of findingRows) {
      const list = byFile.get(row.file_id) ?? [];
      list.push(findingOfRow(row));
      byFile.set(row.file_id, list);
    }
    return fileRows.map(row => {
      const file: FileScorecard = {
        path: row.path,
        kind: row.kind,
        status: row.status,
        error: optionalString(row.error),
        score: optionalNumber(row.score),
        grade: gradeOrUndefined(row.grade),
        pillarScores: pillarScoresOf(row.pillar_scores),
        counts: JSON.parse(row.counts),
        findings: byFile.get(row.id) ?? [],
        findingsTotal: totals.get(row.id) ?? 0,
        url: optionalString(row.url),
      };
      const partial = parseJson<ApiLimitReached[]>(row.partial);
      if (partial) file.partial = partial;
      const rendering = parseJson<FileScorecard['rendering']>(row.rendering);
      if (rendering) file.rendering = rendering;
      // Rows stored before file sources (and files of the entity's own repository) have none.
      const sourceLabel = optionalString(row.source_label);
      const sourceLocation = optionalString(row.source_location);
      if (sourceLabel && sourceLocation)
        file.source = { label: sourceLabel, location: sourceLocation };
      return file;
    });
  }

  /**
   * Per entity among `entityRefs`: the files of its stored result that could not be analysed,
   * with their reasons, in file order. One query per chunk of refs, so a report over thousands of
   * failed entities costs a handful of queries, not a few per entity.
   */
  async listFileErrors(
    entityRefs: readonly string[],
  ): Promise<Map<string, { path: string; error: string }[]>> {
    const byEntity = new Map<string, { path: string; error: string }[]>();
    for (const part of chunk(entityRefs)) {
      const rows = await this.db(T.files)
        .whereIn('entity_ref', part)
        .whereNotNull('error')
        .select('entity_ref', 'path', 'error')
        .orderBy([{ column: 'entity_ref' }, { column: 'position' }]);
      for (const row of rows) {
        if (!row.error) continue;
        const list = byEntity.get(row.entity_ref) ?? [];
        list.push({ path: row.path, error: row.error });
        byEntity.set(row.entity_ref, list);
      }
    }
    return byEntity;
  }

  /**
   * One page of one file's findings (the file at `path` in the entity's stored result), with the
   * file's total; undefined when the stored result has no such file.
   */
  async getFileFindings(
    entityRef: string,
    path: string,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; findings: ApiFinding[] } | undefined> {
    const fileRow = await this.db(T.files)
      .where({ entity_ref: entityRef, path })
      .first('id');
    if (!fileRow) return undefined;
    const [{ n }] = await this.db(T.findings)
      .where({ file_id: fileRow.id })
      .count({ n: '*' });
    const rows = await this.db(T.findings)
      .where({ file_id: fileRow.id })
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit);
    return { total: Number(n), findings: rows.map(findingOfRow) };
  }

  /**
   * Every listed finding of the stored results of `entityRefs`, per entity in the order the
   * engine gave them: the findings export of a report. Read in chunks of refs.
   */
  async listFindings(
    entityRefs: readonly string[],
  ): Promise<{ entityRef: string; finding: ApiFinding }[]> {
    const out: { entityRef: string; finding: ApiFinding }[] = [];
    for (const part of chunk(entityRefs)) {
      const rows = await this.db(T.findings)
        .whereIn('entity_ref', part)
        .orderBy([{ column: 'entity_ref' }, { column: 'id' }]);
      for (const row of rows) {
        out.push({ entityRef: row.entity_ref, finding: findingOfRow(row) });
      }
    }
    return out;
  }

  /**
   * Per rule and entity among `entityRefs`: the unsuppressed findings and the points they cost.
   * What the rule catalogue needs to say which services fail a rule in the caller's scope.
   */
  async ruleFailuresOf(entityRefs: readonly string[]): Promise<
    {
      ruleId: string;
      entityRef: string;
      findings: number;
      points: number;
    }[]
  > {
    const out: {
      ruleId: string;
      entityRef: string;
      findings: number;
      points: number;
    }[] = [];
    for (const part of chunk(entityRefs)) {
      const rows = await this.db(T.findings)
        .select('rule_id', 'entity_ref')
        .count({ findings: '*' })
        .sum({ points: 'penalty' })
        .where({ suppressed: false })
        .whereIn('entity_ref', part)
        .groupBy('rule_id', 'entity_ref');
      for (const row of rows as Record<string, any>[]) {
        out.push({
          ruleId: row.rule_id,
          entityRef: row.entity_ref,
          findings: Number(row.findings),
          points: Number(row.points ?? 0),
        });
      }
    }
    return out;
  }

  /** Starts a run record and returns its id. */
  async startRun(startedAt: Date): Promise<number> {
    const [row] = await this.db(T.runs)
      .insert({ started_at: startedAt, heartbeat_at: startedAt })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  /** A sign of life of a running run, so other replicas can tell it from one whose process died. */
  async heartbeatRun(id: number, at: Date): Promise<void> {
    await this.db(T.runs)
      .where({ id })
      .whereNull('finished_at')
      .update({ heartbeat_at: at });
  }

  async finishRun(
    id: number,
    finishedAt: Date,
    durationMs: number,
    totals: RunTotals,
    ending: { outcome: 'completed' | 'aborted'; reason?: string } = {
      outcome: 'completed',
    },
  ): Promise<boolean> {
    // Only once: replicas draining the same sweep may each see it done; one of them ends it.
    const updated = await this.db(T.runs)
      .where({ id })
      .whereNull('finished_at')
      .update({
        finished_at: finishedAt,
        duration_ms: durationMs,
        ...totals,
        outcome: ending.outcome,
        outcome_reason: ending.reason ?? null,
      });
    return updated > 0;
  }

  /**
   * Marks every unfinished run aborted: called when a run starts, which holds the scan task's
   * global lock, so no other unfinished run can still be going (its process died, or it outlived
   * its lock). Returns how many there were.
   */
  async abortUnfinishedRuns(at: Date, reason: string): Promise<number> {
    return this.db(T.runs).whereNull('finished_at').update({
      finished_at: at,
      outcome: 'aborted',
      outcome_reason: reason,
    });
  }

  /** The latest finished run (completed or aborted). */
  async lastRun(): Promise<RunRecord | undefined> {
    const row = await this.db(T.runs)
      .whereNotNull('finished_at')
      .orderBy('id', 'desc')
      .first();
    return row ? runOfRow(row) : undefined;
  }

  /** The latest run, finished or not. */
  async latestRun(): Promise<RunRecord | undefined> {
    const row = await this.db(T.runs).orderBy('id', 'desc').first();
    return row ? runOfRow(row) : undefined;
  }

  /** Deletes history, attempt logs and runs older than the retention period. */
  async prune(options: { retentionDays: number; now: Date }): Promise<void> {
    this.cache.clear();
    const cutoff = new Date(
      options.now.getTime() - options.retentionDays * 24 * 60 * 60 * 1000,
    );
    await this.db(T.snapshots).where('day', '<', dayOf(cutoff)).delete();
    await this.db(T.totals).where('day', '<', dayOf(cutoff)).delete();
    await this.db(T.scans).where('started_at', '<', cutoff).delete();
    await this.db(T.runs).where('started_at', '<', cutoff).delete();
    this.cache.clear();
  }

  private async logAttempt(
    tx: Knex.Transaction,
    entityRef: string,
    status: ResultStatus,
    error: string | undefined,
  ) {
    const now = new Date();
    await tx(T.scans).insert({
      entity_ref: entityRef,
      status: status === 'could-not-analyse' ? 'could-not-analyse' : 'ok',
      error: error ?? null,
      started_at: now,
      finished_at: now,
    });
  }
}

function findingRow(finding: ApiFinding, fileId: string, entityRef: string) {
  return {
    file_id: fileId,
    entity_ref: entityRef,
    rule_id: finding.ruleId,
    pillar: finding.pillar,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    start_line: finding.range.start.line,
    start_column: finding.range.start.column,
    end_line: finding.range.end.line,
    end_column: finding.range.end.column,
    snippet: finding.snippet,
    fix: finding.fix ? JSON.stringify(finding.fix) : null,
    suppression: finding.suppressed ? JSON.stringify(finding.suppressed) : null,
    suppressed: Boolean(finding.suppressed && !finding.suppressed.expired),
    penalty: finding.penalty ?? null,
    rendered_from: finding.renderedFrom
      ? JSON.stringify(finding.renderedFrom)
      : null,
    url: finding.url ?? null,
  };
}

function findingOfRow(row: Record<string, any>): ApiFinding {
  const finding: ApiFinding = {
    ruleId: row.rule_id,
    pillar: row.pillar,
    severity: row.severity,
    message: row.message,
    path: row.path,
    range: {
      start: { line: row.start_line, column: row.start_column },
      end: { line: row.end_line, column: row.end_column },
    },
    snippet: row.snippet,
  };
  const fix = parseJson<ApiFinding['fix']>(row.fix);
  if (fix) finding.fix = fix;
  const suppressed = parseJson<ApiFinding['suppressed']>(row.suppression);
  if (suppressed) finding.suppressed = suppressed;
  if (row.penalty !== null && row.penalty !== undefined)
    finding.penalty = Number(row.penalty);
  const renderedFrom = parseJson<ApiFinding['renderedFrom']>(row.rendered_from);
  if (renderedFrom) finding.renderedFrom = renderedFrom;
  if (row.url) finding.url = row.url;
  return finding;
}

function runOfRow(row: Record<string, any>): RunRecord {
  const finishedAt = toIso(row.finished_at);
  return {
    id: Number(row.id),
    startedAt: toIso(row.started_at)!,
    finishedAt,
    durationMs: optionalNumber(row.duration_ms),
    entities: Number(row.entities),
    unchanged: Number(row.unchanged),
    files: Number(row.files),
    findings: Number(row.findings),
    errors: Number(row.errors),
    outcome: finishedAt ? row.outcome ?? 'completed' : 'running',
    outcomeReason: optionalString(row.outcome_reason),
    heartbeatAt: toIso(row.heartbeat_at),
  };
}

function summaryOfRow(row: Record<string, any>): EntitySummary {
  const error = optionalString(row.error);
  return {
    entityRef: row.entity_ref,
    title: optionalString(row.title),
    owner: optionalString(row.owner),
    status: error ? 'could-not-analyse' : row.result_status,
    error,
    lastAttemptAt: toIso(row.last_attempt_at)!,
    analysedAt: toIso(row.analysed_at),
    rulesetVersion: optionalString(row.ruleset_version),
    score: optionalNumber(row.score),
    grade: gradeOrUndefined(row.grade),
    pillarScores: pillarScoresOf(row.pillar_scores),
    counts: countsOfRow(row),
    worstRule: row.worst_rule_id
      ? {
          ruleId: row.worst_rule_id,
          severity: row.worst_rule_severity as ApiSeverity,
          count: Number(row.worst_rule_count ?? 0),
        }
      : undefined,
    sourceKey: optionalString(row.source_key),
    etag: optionalString(row.source_etag),
    partial: parseJson<ApiLimitReached[]>(row.partial),
  };
}
