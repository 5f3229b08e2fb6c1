import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  RuleMetadata,
  ScorecardEngine,
} from '@internal/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { dayOf, daysBefore } from '../../database/rowMapping';
import type { RunRecord, RunTotals } from '../../database/types';
import {
  ENTITY_FIELDS,
  listEntitiesInScope,
  ownerOf,
  refOf,
} from '../discovery/catalogEntities';
import {
  resolveEntitySource,
  sourceKeyOf,
} from '../discovery/resolveEntitySource';
import {
  helmValuesKey,
  helmValuesOf,
  renderOptionsOf,
} from '../discovery/helmValuesAnnotation';
import { scopeFilterFor } from '../discovery/scopeFilterFor';
import {
  inProcessAnalyzer,
  type EntityAnalyzer,
} from '../analysis/createEntityAnalyzer';
import { toApiResult } from '../mapping/toApiResult';
import type { RepositoryReader } from '../reading/createRepositoryReader';
import { readEntitySources } from '../reading/readEntitySources';
import { classifyReadError } from '../reading/retryRead';
import type { ScorecardOptions } from '../readScorecardOptions';
import { createConcurrencyLimit } from './concurrencyLimit';
import { mapWithConcurrency } from './mapWithConcurrency';
import { describeDatabaseError } from '../../database/describeDatabaseError';
import type { ScanResultListener, StoredScanResult } from './ScanResultListener';

/** What happened to one entity in a scan. */
export interface EntityScanOutcome {
  entityRef: string;
  /** `deferred`: not started because the run's time was up; the next run takes it first. */
  outcome: 'analysed' | 'unchanged' | 'failed' | 'skipped' | 'deferred';
  files: number;
  findings: number;
  error?: string;
  /**
   * Set when this scan's outcome is not what the store now holds (its result, or even the
   * failure, could not be written): a rescan answers an error with it instead of a stale result.
   */
  storeError?: string;
}

/** How often a running run says it is alive; three missed beats mark it abandoned. */
export const RUN_HEARTBEAT_MS = 30_000;

const ZERO_TOTALS: RunTotals = {
  entities: 0,
  unchanged: 0,
  files: 0,
  findings: 0,
  errors: 0,
};

function noFiles(entityRef: string) {
  return { entityRef, files: 0, findings: 0 };
}

/** knex and the drivers give database errors a code (SQLSTATE, SQLITE_*, ECONNREFUSED...). */
function isDatabaseError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string';
}

/** Everything a scan needs. */
export interface ScanServiceDeps {
  store: ScorecardStore;
  /** Rule metadata and the ruleset version; analysis itself goes through `analyzer`. */
  engine: ScorecardEngine;
  /**
   * Runs the engine off the event loop, within deadlines (`createEntityAnalyzer`). Defaults to
   * the engine on the calling thread, which only tests and benchmarks of the engine should use.
   */
  analyzer?: EntityAnalyzer;
  reader: RepositoryReader;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  options: Pick<
    ScorecardOptions,
    | 'filter'
    | 'concurrency'
    | 'entityTimeoutMs'
    | 'retentionDays'
    | 'maxFileBytes'
  >;
  now?: () => Date;
  /** Told of every stored result (regression notifications); its failures are only logged. */
  onResultStored?: ScanResultListener;
}

class EntityTimeoutError extends Error {
  name = 'TimeoutError';
}

/**
 * Scans the entities in scope: reads each repository (skipping unchanged ones), analyses it and
 * stores the result. One run at a time per process and one scan at a time per entity: a second
 * caller waits for, and shares, the scan already under way.
 */
export class ScanService {
  private running?: Promise<RunRecord>;
  private readonly inFlight = new Map<string, Promise<EntityScanOutcome>>();
  private readonly rules: ReadonlyMap<string, RuleMetadata>;
  private readonly now: () => Date;
  private readonly analyzer: EntityAnalyzer;
  /**
   * Scheduled scans and on-demand rescans share `concurrency` slots: each scan holds a
   * repository's files in memory, so a burst of rescan requests must queue, not multiply it.
   */
  private readonly limit: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(private readonly deps: ScanServiceDeps) {
    this.limit = createConcurrencyLimit(deps.options.concurrency);
    this.rules = new Map(deps.engine.rules.map(rule => [rule.id, rule]));
    this.analyzer = deps.analyzer ?? inProcessAnalyzer(deps.engine);
    this.now = deps.now ?? (() => new Date());
  }

  /** True while a full run is under way in this process. */
  isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The entities in scope, as the plugin itself sees them. */
  async discover(): Promise<Entity[]> {
    return listEntitiesInScope(
      this.deps.catalog,
      this.deps.options.filter,
      await this.deps.auth.getOwnServiceCredentials(),
    );
  }

  /**
   * Scans every entity in scope; joins the run under way if there is one. Once `signal` aborts
   * (the scheduled task's timeout), no further entity is started: the run ends as aborted and the
   * next run, taking the least recently attempted entities first, carries on.
   */
  scanAll(entities?: Entity[], signal?: AbortSignal): Promise<RunRecord> {
    if (!this.running) {
      this.running = this.runAll(entities, signal).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /**
   * Scans one entity now, ignoring the stored ETag. Unknown entities are a `NotFoundError`,
   * entities outside the configured scope an `InputError` (nothing is stored for them), and a
   * result the store could not keep a `ServiceUnavailableError`.
   */
  async rescan(entityRef: string): Promise<EntityScanOutcome> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ENTITY_FIELDS },
      { credentials },
    );
    if (!items[0]) throw new NotFoundError(`No entity ${entityRef}`);
    // What is out of scope is never stored: it would show in reports the scope leaves it out of.
    const inScope = scopeFilterFor(
      this.deps.options.filter,
      parseEntityRef(entityRef),
    );
    const { items: scoped } = inScope
      ? await this.deps.catalog.getEntities(
          { filter: inScope, fields: ['metadata.name'] },
          { credentials },
        )
      : { items: [] };
    if (scoped.length === 0) {
      throw new InputError(
        `${entityRef} is outside the container scorecard's scope (containerScorecard.scope.filter)`,
      );
    }
    const outcome = await this.scanEntity(items[0], { force: true });
    if (outcome.storeError) {
      throw new ServiceUnavailableError(
        `The scan of ${entityRef} ran, but the store could not keep it. ${outcome.storeError}`,
      );
    }
    return outcome;
  }

  /** Scans one entity; concurrent calls for the same entity share one scan. */
  scanEntity(
    entity: Entity,
    options: { force?: boolean } = {},
  ): Promise<EntityScanOutcome> {
    const entityRef = refOf(entity);
    const existing = this.inFlight.get(entityRef);
    if (existing) return existing;
    const scan = this.limit(() =>
      this.scanOne(entityRef, entity, options.force ?? false),
    ).finally(() => this.inFlight.delete(entityRef));
    this.inFlight.set(entityRef, scan);
    return scan;
  }

  private async runAll(
    given?: Entity[],
    signal?: AbortSignal,
  ): Promise<RunRecord> {
    const { store, logger } = this.deps;
    const startedAt = this.now();
    // A run holds the scan task's global lock, so an unfinished run in the store now was left by
    // a process that died (or that outlived its lock and stops at its next entity).
    const abandoned = await store.abortUnfinishedRuns(
      startedAt,
      'Its process stopped before the run finished',
    );
    if (abandoned) {
      logger.warn(
        `Container scorecard: marked ${abandoned} unfinished scan run(s) as aborted`,
      );
    }
    const runId = await store.startRun(startedAt);
    // Other replicas tell a live run from a dead one's leftovers by this (see /scans/status).
    const heartbeat = setInterval(() => {
      store.heartbeatRun(runId, this.now()).catch(() => {});
    }, RUN_HEARTBEAT_MS);
    heartbeat.unref?.();
    try {
      return await this.scanInOrder(runId, startedAt, given, signal);
    } catch (error) {
      await store
        .finishRun(runId, this.now(), 0, ZERO_TOTALS, {
          outcome: 'aborted',
          reason: 'The run failed; the service log has the details',
        })
        .catch(() => {});
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async scanInOrder(
    runId: number,
    startedAt: Date,
    given: Entity[] | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RunRecord> {
    const { store, logger, options } = this.deps;
    const entities = await this.leastRecentlyAttemptedFirst(
      given ?? (await this.discover()),
    );
    const outcomes = await mapWithConcurrency(
      entities,
      options.concurrency,
      async (entity): Promise<EntityScanOutcome> =>
        signal?.aborted
          ? { ...noFiles(refOf(entity)), outcome: 'deferred' }
          : this.scanEntity(entity),
    );
    const deferred = outcomes.filter(o => o.outcome === 'deferred').length;

    const totals: RunTotals = {
      entities: entities.length,
      unchanged: outcomes.filter(o => o.outcome === 'unchanged').length,
      files: outcomes.reduce((sum, o) => sum + o.files, 0),
      findings: outcomes.reduce((sum, o) => sum + o.findings, 0),
      errors: outcomes.filter(o => o.outcome === 'failed').length,
    };
    const finishedAt = this.now();
    const today = dayOf(finishedAt);
    await store.history.carryForward(today);
    // Yesterday too: a rescan just before midnight may have changed its snapshots.
    await store.history.refreshDailyTotals([daysBefore(finishedAt, 1), today]);
    await this.forgetEntitiesOutOfScope(outcomes);
    await store.prune({
      retentionDays: options.retentionDays,
      now: finishedAt,
    });
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    const ending = deferred
      ? {
          outcome: 'aborted' as const,
          reason: `The scan task's timeout ended the run; ${deferred} entities wait for the next run`,
        }
      : { outcome: 'completed' as const };
    await store.finishRun(runId, finishedAt, durationMs, totals, ending);

    const skipped = outcomes.filter(o => o.outcome === 'skipped').length;
    logger.info(
      `Container scorecard scan: ${totals.entities} entities (${totals.unchanged} unchanged, ` +
        `${skipped} skipped), ${totals.files} files, ${totals.findings} findings, ` +
        `${totals.errors} errors in ${(durationMs / 1000).toFixed(1)}s`,
    );
    return {
      id: runId,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs,
      ...totals,
      outcome: ending.outcome,
      outcomeReason: ending.reason,
    };
  }

  /**
   * Never-scanned entities first, then the least recently attempted: a run cut short by the
   * task's timeout is continued, not restarted from the same first entities, by the next one.
   */
  private async leastRecentlyAttemptedFirst(
    entities: Entity[],
  ): Promise<Entity[]> {
    const lastAttempt = new Map(
      (await this.deps.store.listSummaries(entities.map(refOf))).map(s => [
        s.entityRef,
        Date.parse(s.lastAttemptAt),
      ]),
    );
    const keyed = entities.map((entity, index) => ({
      entity,
      index,
      at: lastAttempt.get(refOf(entity)) ?? -Infinity,
    }));
    keyed.sort((a, b) => a.at - b.at || a.index - b.index);
    return keyed.map(k => k.entity);
  }

  /** Entities that left the catalog or opted out no longer have a current result. */
  private async forgetEntitiesOutOfScope(outcomes: EntityScanOutcome[]) {
    if (outcomes.length === 0) return; // an empty catalog is more likely a hiccup than the truth
    const keep = new Set(
      outcomes.filter(o => o.outcome !== 'skipped').map(o => o.entityRef),
    );
    const stale = (await this.deps.store.listEntityRefs()).filter(
      ref => !keep.has(ref),
    );
    if (stale.length) await this.deps.store.removeEntities(stale);
  }

  private async scanOne(
    entityRef: string,
    entity: Entity,
    force: boolean,
  ): Promise<EntityScanOutcome> {
    const { store, logger } = this.deps;
    const details = {
      title: entity.metadata.title,
      owner: ownerOf(entity)?.toLocaleLowerCase('en-US'),
    };
    const source = resolveEntitySource(entity);
    const none = { entityRef, files: 0, findings: 0 };
    try {
      if (source.type === 'skip') return { ...none, outcome: 'skipped' };
      if (source.type === 'invalid') {
        return await this.recordFailure(entityRef, details, source.reason);
      }

      const previous = await store.getEntitySummary(entityRef);
      const helmValues = helmValuesOf(entity);
      if ('invalid' in helmValues) {
        return await this.recordFailure(entityRef, details, helmValues.invalid);
      }
      const sourceKey = sourceKeyOf(source) + helmValuesKey(entity);
      // An ETag only vouches for the same place, globs and ruleset.
      const etag =
        !force &&
        previous?.sourceKey === sourceKey &&
        previous.rulesetVersion === this.deps.engine.rulesetVersion
          ? previous.etag
          : undefined;

      let tree;
      try {
        tree = await this.withTimeout(signal =>
          readEntitySources(this.deps.reader, source, { etag, signal }),
        );
      } catch (error) {
        if ((error as Error)?.name === 'NotModifiedError') {
          await store.markUnchanged(entityRef, this.now(), details);
          return { ...none, outcome: 'unchanged' };
        }
        const reason =
          error instanceof EntityTimeoutError
            ? error.message
            : classifyReadError(error).reason;
        return await this.recordFailure(entityRef, details, reason);
      }

      // The analyzer never rejects for a slow or crashing file; its deadlines start once a
      // worker takes the entity (reading had its own, above).
      const analysis = await this.analyzer.analyze(
        tree.files,
        renderOptionsOf(entity),
      );
      const limitsReached = [
        ...(tree.limitsReached ?? []),
        ...(analysis.limitsReached ?? []),
      ];
      const result = toApiResult(
        analysis,
        limitsReached.length ? { ...tree, limitsReached } : tree,
        this.rules,
        this.deps.options.maxFileBytes,
      );
      const analysedAt = this.now();
      try {
        await store.saveResult({
          ...result,
          ...details,
          entityRef,
          analysedAt,
          sourceKey,
          etag: tree.etag,
        });
      } catch (error) {
        return await this.recordStoreFailure(entityRef, details, error, {
          resultLost: true,
        });
      }
      await this.tellResultStored({
        result: { ...result, ...details, entityRef, analysedAt },
        previous,
      });
      return {
        entityRef,
        outcome: 'analysed',
        files: result.files.length,
        findings: Object.values(result.counts).reduce((a, b) => a + b, 0),
      };
    } catch (error) {
      // The store or the engine failed: the previous result stays, the run goes on.
      logger.warn(`Container scorecard could not scan ${entityRef}: ${error}`);
      return await this.recordStoreFailure(entityRef, details, error, {
        resultLost: false,
      });
    }
  }

  private async tellResultStored(stored: StoredScanResult): Promise<void> {
    try {
      await this.deps.onResultStored?.(stored);
    } catch (error) {
      this.deps.logger.warn(
        `Container scorecard could not notify about ${stored.result.entityRef}: ${error}`,
      );
    }
  }

  /**
   * A result that could not be stored must not read as "not scanned" or as the old result being
   * current: the failure goes on the entity, in words that name no SQL and no connection. When
   * even that cannot be written (the database is down), the outcome says so, so a rescan can
   * answer an error instead of the stale result.
   */
  private async recordStoreFailure(
    entityRef: string,
    details: { title?: string; owner?: string },
    error: unknown,
    options: { resultLost: boolean },
  ): Promise<EntityScanOutcome> {
    let reason =
      'The scan failed unexpectedly; the service log has the details';
    if (options.resultLost) {
      reason = `The result could not be stored: ${describeDatabaseError(
        error,
      )}`;
    } else if (isDatabaseError(error)) {
      reason = `The scan could not use the database: ${describeDatabaseError(
        error,
      )}`;
    }
    const failed = {
      ...noFiles(entityRef),
      outcome: 'failed' as const,
      error: reason,
    };
    try {
      const failure = { entityRef, error: reason, attemptedAt: this.now() };
      // The entity's own details may be what the store refused: then the failure goes without.
      await this.deps.store
        .saveFailure({ ...failure, ...details })
        .catch(() => this.deps.store.saveFailure(failure));
      return options.resultLost ? { ...failed, storeError: reason } : failed;
    } catch (secondError) {
      this.deps.logger.error(
        `Container scorecard could not record the failure of ${entityRef}: ${secondError}`,
      );
      return { ...failed, storeError: reason };
    }
  }

  private async recordFailure(
    entityRef: string,
    details: { title?: string; owner?: string },
    reason: string,
  ): Promise<EntityScanOutcome> {
    await this.deps.store.saveFailure({
      entityRef,
      ...details,
      error: reason,
      attemptedAt: this.now(),
    });
    return {
      entityRef,
      outcome: 'failed',
      files: 0,
      findings: 0,
      error: reason,
    };
  }

  /** Aborts the read and gives up when one entity takes longer than the configured timeout. */
  private async withTimeout<T>(
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const timeoutMs = this.deps.options.entityTimeoutMs;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new EntityTimeoutError(
          `Timed out: reading the repository took longer than ${timeoutMs} ms`,
        );
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([work(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
