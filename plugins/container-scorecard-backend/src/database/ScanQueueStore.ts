import { Knex } from 'knex';
import { chunk } from './rowMapping';

const TABLE = 'container_scorecard_queue';

/** How urgently an entity is wanted: claimed highest first, then the longest due. */
export const QUEUE_PRIORITY = {
  /** A scheduled sweep: the safety net. */
  sweep: 0,
  /** A push to the entity's repository. */
  push: 10,
  /** Someone asked for this entity in the UI or the API and waits for it. */
  rescan: 20,
} as const;

/** One entity a replica has claimed. */
export interface ClaimedEntity {
  entityRef: string;
  /** Scan without the stored ETag. */
  force: boolean;
  /** The request this claim answers; a later one leaves the entity due when the scan ends. */
  requestSeq: number;
  /** The sweep whose totals this scan counts towards, if any. */
  runId?: number;
}

/** What became of a claimed entity, kept for the totals of its sweep. */
export interface QueueOutcome {
  outcome: 'analysed' | 'unchanged' | 'failed' | 'skipped';
  files: number;
  findings: number;
}

/** Totals of a sweep, from the outcomes its entities left in the queue. */
export interface SweepTotals {
  entities: number;
  unchanged: number;
  files: number;
  findings: number;
  errors: number;
}

/**
 * The scan queue in the database (`container_scorecard_queue`): due work per entity, claimed in
 * small batches by any replica. Claims on PostgreSQL use `FOR UPDATE SKIP LOCKED`, so replicas
 * claiming at once take different rows without waiting on each other; on SQLite the claim is one
 * transaction, which SQLite runs one at a time. Every claim update re-checks that the row is still
 * claimable, so no entity is ever handed to two live claimants.
 */
export class ScanQueueStore {
  constructor(private readonly db: Knex) {}

  private get isPostgres(): boolean {
    return String(this.db.client.config.client).includes('pg');
  }

  /**
   * Makes every entity of a sweep due (those already due keep their earlier time, so what a
   * previous sweep did not reach goes first) and forgets the queue rows of entities that left
   * the scope. An empty list is taken for a catalog hiccup: nothing is removed then.
   */
  async sweep(runId: number, entityRefs: string[], at: Date): Promise<void> {
    const atMs = at.getTime();
    for (const part of chunk([...new Set(entityRefs)], 500)) {
      await this.db(TABLE)
        .insert(
          part.map(ref => ({
            entity_ref: ref,
            due_at_ms: atMs,
            run_id: runId,
          })),
        )
        .onConflict('entity_ref')
        .merge({
          due_at_ms: this.db.raw(
            `CASE WHEN ${TABLE}.due_at_ms IS NULL OR ${TABLE}.due_at_ms > ? THEN ? ELSE ${TABLE}.due_at_ms END`,
            [atMs, atMs],
          ),
          run_id: runId,
          request_seq: this.db.raw(`${TABLE}.request_seq + 1`),
        });
    }
    if (entityRefs.length === 0) return;
    const keep = new Set(entityRefs);
    const gone = (await this.listEntityRefs()).filter(ref => !keep.has(ref));
    for (const part of chunk(gone, 500)) {
      await this.db(TABLE).whereIn('entity_ref', part).delete();
    }
  }

  /**
   * Asks for a scan of these entities now, ahead of the sweep: a push event or an on-demand
   * rescan. An entity being scanned is scanned again once that scan ends.
   */
  async enqueue(
    entityRefs: string[],
    options: { priority: number; force?: boolean; at: Date },
  ): Promise<void> {
    const atMs = options.at.getTime();
    const force = Boolean(options.force);
    for (const part of chunk([...new Set(entityRefs)], 500)) {
      await this.db(TABLE)
        .insert(
          part.map(ref => ({
            entity_ref: ref,
            due_at_ms: atMs,
            priority: options.priority,
            force,
          })),
        )
        .onConflict('entity_ref')
        .merge({
          due_at_ms: this.db.raw(
            `CASE WHEN ${TABLE}.due_at_ms IS NULL OR ${TABLE}.due_at_ms > ? THEN ? ELSE ${TABLE}.due_at_ms END`,
            [atMs, atMs],
          ),
          priority: this.db.raw(
            `CASE WHEN ${TABLE}.priority > ? THEN ${TABLE}.priority ELSE ? END`,
            [options.priority, options.priority],
          ),
          ...(force ? { force: true } : {}),
          request_seq: this.db.raw(`${TABLE}.request_seq + 1`),
        });
    }
  }

  /**
   * Claims up to `limit` due entities for `claimant` until `expiresAt`: highest priority first,
   * then the longest due, then the least recently scanned. Expired claims count as unclaimed.
   */
  async claim(
    claimant: string,
    limit: number,
    now: Date,
    expiresAt: Date,
    entityRef?: string,
  ): Promise<ClaimedEntity[]> {
    const nowMs = now.getTime();
    const claimable = (query: Knex.QueryBuilder) =>
      query
        .whereNotNull('due_at_ms')
        .where('due_at_ms', '<=', nowMs)
        .where(q =>
          q.whereNull('claimed_by').orWhere('claim_expires_at_ms', '<', nowMs),
        );
    const expiresMs = expiresAt.getTime();
    return this.db.transaction(async tx => {
      let select = claimable(tx(TABLE).select('entity_ref'));
      if (entityRef) select = select.where('entity_ref', entityRef);
      select = select
        .orderBy([
          { column: 'priority', order: 'desc' },
          { column: 'due_at_ms', order: 'asc' },
          { column: 'last_attempt_ms', order: 'asc' },
          { column: 'entity_ref', order: 'asc' },
        ])
        .limit(limit);
      if (this.isPostgres) select = select.forUpdate().skipLocked();
      const refs: string[] = (await select).map((row: any) =>
        String(row.entity_ref),
      );
      if (refs.length === 0) return [];
      await claimable(tx(TABLE).whereIn('entity_ref', refs)).update({
        claimed_by: claimant,
        claim_expires_at_ms: expiresMs,
      });
      const rows = await tx(TABLE)
        .whereIn('entity_ref', refs)
        .where({ claimed_by: claimant, claim_expires_at_ms: expiresMs })
        .select('entity_ref', 'force', 'request_seq', 'run_id');
      const order = new Map(refs.map((ref, i) => [ref, i]));
      return rows
        .map((row: any) => ({
          entityRef: String(row.entity_ref),
          force: Boolean(row.force),
          requestSeq: Number(row.request_seq),
          ...(row.run_id !== null && row.run_id !== undefined
            ? { runId: Number(row.run_id) }
            : {}),
        }))
        .sort((a, b) => order.get(a.entityRef)! - order.get(b.entityRef)!);
    });
  }

  /** Keeps a live replica's claims from expiring while it is still scanning. */
  async renewClaims(claimant: string, expiresAt: Date): Promise<void> {
    await this.db(TABLE)
      .where({ claimed_by: claimant })
      .update({ claim_expires_at_ms: expiresAt.getTime() });
  }

  /**
   * Ends a claim with the scan's outcome. The entity is no longer due unless a request came
   * while it was scanned (then it stays due, with that request's priority). A claim another
   * replica has taken over in the meantime is left to it.
   */
  async complete(
    claimant: string,
    item: ClaimedEntity,
    result: QueueOutcome,
    at: Date,
  ): Promise<void> {
    const outcome = {
      claimed_by: null,
      claim_expires_at_ms: null,
      last_attempt_ms: at.getTime(),
      outcome: result.outcome,
      files: result.files,
      findings: result.findings,
    };
    const mine = { entity_ref: item.entityRef, claimed_by: claimant };
    await this.db.transaction(async tx => {
      const done = await tx(TABLE)
        .where({ ...mine, request_seq: item.requestSeq })
        .update({ ...outcome, due_at_ms: null, priority: 0, force: false });
      if (!done) await tx(TABLE).where(mine).update(outcome);
    });
  }

  /** Gives claimed entities back unscanned (the worker is stopping): they stay due. */
  async release(claimant: string, entityRefs: string[]): Promise<void> {
    for (const part of chunk(entityRefs, 500)) {
      await this.db(TABLE)
        .whereIn('entity_ref', part)
        .where({ claimed_by: claimant })
        .update({ claimed_by: null, claim_expires_at_ms: null });
    }
  }

  /** Where one entity stands in the queue; undefined when it is not in it. */
  async stateOf(
    entityRef: string,
  ): Promise<
    ({ due: boolean; claimed: boolean } & Partial<QueueOutcome>) | undefined
  > {
    const row = await this.db(TABLE).where({ entity_ref: entityRef }).first();
    if (!row) return undefined;
    return {
      due: row.due_at_ms !== null,
      claimed: row.claimed_by !== null,
      ...(row.outcome ? { outcome: row.outcome } : {}),
      files: Number(row.files),
      findings: Number(row.findings),
    };
  }

  /** Gives back every claim of a replica that is shutting down, for the others to take now. */
  async releaseAll(claimant: string): Promise<number> {
    return this.db(TABLE)
      .where({ claimed_by: claimant })
      .update({ claimed_by: null, claim_expires_at_ms: null });
  }

  /** Entities of a sweep not yet scanned: due, or claimed by a replica now. */
  async pendingOf(runId: number): Promise<number> {
    const [row] = await this.db(TABLE)
      .where({ run_id: runId })
      .where(q => q.whereNotNull('due_at_ms').orWhereNotNull('claimed_by'))
      .count({ n: '*' });
    return Number(row?.n ?? 0);
  }

  /** The totals of a sweep from the outcomes its entities left. */
  async totalsOf(runId: number): Promise<SweepTotals> {
    const rows = await this.db(TABLE)
      .where({ run_id: runId })
      .groupBy('outcome')
      .select('outcome')
      .count({ n: '*' })
      .sum({ files: 'files', findings: 'findings' });
    const totals: SweepTotals = {
      entities: 0,
      unchanged: 0,
      files: 0,
      findings: 0,
      errors: 0,
    };
    for (const row of rows as any[]) {
      const n = Number(row.n);
      totals.entities += n;
      totals.files += Number(row.files ?? 0);
      totals.findings += Number(row.findings ?? 0);
      if (row.outcome === 'unchanged') totals.unchanged += n;
      if (row.outcome === 'failed') totals.errors += n;
    }
    return totals;
  }

  /** What is waiting and what is being scanned now, across replicas. */
  async status(now: Date): Promise<{
    due: number;
    scanning: number;
    replicas: number;
  }> {
    const nowMs = now.getTime();
    const [due] = await this.db(TABLE)
      .whereNotNull('due_at_ms')
      .where(q =>
        q.whereNull('claimed_by').orWhere('claim_expires_at_ms', '<', nowMs),
      )
      .count({ n: '*' });
    const [scanning] = await this.db(TABLE)
      .whereNotNull('claimed_by')
      .where('claim_expires_at_ms', '>=', nowMs)
      .count({ n: '*' })
      .countDistinct({ replicas: 'claimed_by' });
    return {
      due: Number(due?.n ?? 0),
      scanning: Number(scanning?.n ?? 0),
      replicas: Number((scanning as any)?.replicas ?? 0),
    };
  }

  /** Every entity in the queue; with `withoutOutcome`, less those whose last scan had it. */
  async listEntityRefs(withoutOutcome?: string): Promise<string[]> {
    const query = this.db(TABLE).select('entity_ref');
    if (withoutOutcome) {
      query.where(q =>
        q.whereNull('outcome').orWhereNot('outcome', withoutOutcome),
      );
    }
    return (await query).map((row: any) => String(row.entity_ref));
  }
}
