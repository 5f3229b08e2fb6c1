import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  EntityImages,
  RuleMetadata,
  ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';
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
import { QUEUE_PRIORITY } from '../../database/ScanQueueStore';
import { drainQueue } from '../queue/drainQueue';
import { claimForRescan } from '../queue/claimForRescan';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { describeDatabaseError } from '../../database/describeDatabaseError';
import type {
  ScanResultListener,
  StoredScanResult,
} from './ScanResultListener';
import type {
  EntityImagesOutcome,
  ImageInspectionService,
} from '../images/createImageInspectionService';
import { countsWithImages, settleWithImages } from '../images/settleWithImages';

/** What happened to one entity in a scan. */
export interface EntityScanOutcome {
  entityRef: string;
  outcome: 'analysed' | 'unchanged' | 'failed' | 'skipped';
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

/** How long a replica's claim on an entity lasts unless renewed: a dead replica's lapse then. */
export const DEFAULT_CLAIM_TTL_MS = 60_000;

/** How often a sweep with nothing left to claim here looks whether the other replicas are done. */
const SWEEP_WAIT_MS = 1_000;

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
  /** This replica's name in the shared queue's claims. Default: host, process and a random part. */
  replicaId?: string;
  /** How long a claim lasts unless renewed. Default `DEFAULT_CLAIM_TTL_MS`. */
  claimTtlMs?: number;
  /** Told of every stored result (regression notifications); its failures are only logged. */
  onResultStored?: ScanResultListener;
  /** Inspects the images the entity runs, when `containerScorecard.images` is enabled. */
  images?: ImageInspectionService;
}

class EntityTimeoutError extends Error {
  name = 'TimeoutError';
}

/**
 * Scans the entities in scope: reads each repository (skipping unchanged ones), analyses it and
 * stores the result. The work is shared by every replica through the queue in the database
 * (`ScanQueueStore`): sweeps, push events and rescans make entities due there, and each
 * replica's worker claims them in small batches. One sweep at a time per process and one scan at
 * a time per entity: a second caller waits for, and shares, the scan already under way.
 */
export class ScanService {
  private running?: Promise<RunRecord>;
  private draining?: Promise<void>;
  private workWanted = false;
  /** The entities of the sweep this process started, so its scans need no catalog look-up. */
  private sweepEntities?: Map<string, Entity>;
  private readonly claimant: string;
  private readonly claimTtlMs: number;
  /** Aborted at shutdown: no further claims from this replica. */
  private readonly stopping = new AbortController();
  private readonly inFlight = new Map<string, Promise<EntityScanOutcome>>();
  private readonly rescans = new Map<string, Promise<EntityScanOutcome>>();
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
    // Readable in the queue's `claimed_by`: which host and process holds an entity.
    this.claimant =
      deps.replicaId ??
      `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.claimTtlMs = deps.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS;
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
   * Scans every entity in scope (a sweep, shared with the other replicas through the queue);
   * joins the sweep under way in this process if there is one. Once `signal` aborts (the
   * scheduled task's timeout), this process claims no further entity and returns the run as it
   * stands; the replicas' workers carry on with it.
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
   * result the store could not keep a `ServiceUnavailableError`. The request goes through the
   * queue ahead of everything else, so no other replica scans the entity at the same time; when
   * one was already scanning it, its next scan answers this request.
   */
  async rescan(entityRef: string): Promise<EntityScanOutcome> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ENTITY_FIELDS },
      { credentials },
    );
    const entity = items[0];
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
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
    // Racing requests for one entity here share one scan, as they always did.
    const ref = refOf(entity);
    let rescan = this.rescans.get(ref);
    if (!rescan) {
      rescan = claimForRescan({
        queue: this.deps.store.queue,
        claimant: this.claimant,
        entityRef: ref,
        claimTtlMs: this.claimTtlMs,
        // Another replica's scan of this entity may take one entity timeout for its files and,
        // with image inspection on, another for its images (their budget is the same length).
        waitMs:
          this.claimTtlMs +
          this.deps.options.entityTimeoutMs *
            (this.deps.images?.enabled ? 2 : 1),
        now: this.now,
        scan: () => this.scanEntity(entity, { force: true }),
      })
        .catch(error => {
          // The queue could not be reached: say so, never answer with a stale result.
          if (!isDatabaseError(error)) throw error;
          throw new ServiceUnavailableError(
            `The rescan of ${entityRef} could not be queued: ${describeDatabaseError(
              error,
            )}`,
          );
        })
        .finally(() => this.rescans.delete(ref));
      this.rescans.set(ref, rescan);
    }
    const outcome = await rescan;
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

  /**
   * Starts a sweep: every entity in scope becomes due in the shared queue, then this process
   * works through it like every replica's worker does, and the sweep ends when no entity of it is
   * left (whichever replica scans the last one ends it). Once `signal` aborts (the task's
   * timeout) this process claims nothing more and returns the sweep as it stands: the replicas'
   * workers go on with it.
   */
  private async runAll(
    given?: Entity[],
    signal?: AbortSignal,
  ): Promise<RunRecord> {
    const { store, logger } = this.deps;
    const startedAt = this.now();
    const previous = await store.latestRun();
    if (previous?.outcome === 'running') {
      const pending = await store.queue.pendingOf(previous.id);
      // Its entities not yet scanned stay due from earlier, so this sweep takes them first.
      const reason = pending
        ? `The next scan started with ${pending} entities of this one not yet scanned; it takes them first`
        : 'Its process stopped before the run finished';
      const aborted = await store.abortUnfinishedRuns(startedAt, reason);
      if (aborted) {
        logger.warn(
          `Container scorecard: marked ${aborted} unfinished scan run(s) as aborted`,
        );
      }
    }
    const runId = await store.startRun(startedAt);
    const heartbeat = setInterval(() => {
      store.heartbeatRun(runId, this.now()).catch(() => {});
    }, RUN_HEARTBEAT_MS);
    heartbeat.unref?.();
    try {
      const entities = given ?? (await this.discover());
      this.sweepEntities = new Map(entities.map(e => [refOf(e), e]));
      await store.queue.sweep(runId, [...this.sweepEntities.keys()], startedAt);
      for (;;) {
        await this.work(signal);
        const finished = await this.finishSweepIfDone();
        if (finished?.id === runId) return finished;
        const latest = await store.latestRun();
        if (latest?.id !== runId || latest.outcome !== 'running') {
          return (await store.lastRun()) ?? latest!;
        }
        if (signal?.aborted || this.stopping.signal.aborted) return latest;
        // Other replicas still hold claims of this sweep: they end them, or the claims lapse.
        await new Promise(resolve => setTimeout(resolve, SWEEP_WAIT_MS));
      }
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
      this.sweepEntities = undefined;
    }
  }

  /**
   * Works through the due entities of the shared queue until none is claimable: what the
   * replicas' scheduled workers run, and what a push event starts at once. One drain at a time
   * per process; a call during one makes it look for work again before it ends.
   */
  work(signal?: AbortSignal): Promise<void> {
    this.workWanted = true;
    if (!this.draining) {
      this.draining = this.drainWhileWanted(signal).finally(() => {
        this.draining = undefined;
      });
    }
    return this.draining;
  }

  /**
   * Shutdown: this replica claims nothing more, and the entities it holds go back to the queue at
   * once instead of when their claims would lapse. Scans under way end on their own; their
   * results are kept, and the other replicas scan those entities again.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    const released = await this.deps.store.queue.releaseAll(this.claimant);
    if (released) {
      this.deps.logger.info(
        `Container scorecard: gave ${released} claimed entities back to the scan queue`,
      );
    }
  }

  /** Asks for scans of these entities ahead of the schedule (a push event) and starts them. */
  async requestScans(
    entityRefs: string[],
    options: { priority?: number; force?: boolean } = {},
  ): Promise<void> {
    if (entityRefs.length === 0) return;
    await this.deps.store.queue.enqueue(entityRefs, {
      priority: options.priority ?? QUEUE_PRIORITY.push,
      force: options.force,
      at: this.now(),
    });
    this.work().catch(error =>
      this.deps.logger.warn(`Container scorecard scan worker: ${error}`),
    );
  }

  private async drainWhileWanted(given?: AbortSignal): Promise<void> {
    const { store } = this.deps;
    const signal = given
      ? AbortSignal.any([given, this.stopping.signal])
      : this.stopping.signal;
    const runs = new Set<number>();
    const heartbeat = setInterval(() => {
      for (const id of runs) store.heartbeatRun(id, this.now()).catch(() => {});
    }, RUN_HEARTBEAT_MS);
    heartbeat.unref?.();
    try {
      while (this.workWanted && !signal?.aborted) {
        this.workWanted = false;
        await drainQueue<Entity>({
          queue: store.queue,
          claimant: this.claimant,
          concurrency: this.deps.options.concurrency,
          claimTtlMs: this.claimTtlMs,
          now: this.now,
          signal,
          resolve: refs => this.resolveEntities(refs),
          scan: async (item, entity) => {
            if (!entity) return { outcome: 'skipped', files: 0, findings: 0 };
            const outcome = await this.scanEntity(entity, {
              force: item.force,
            });
            return {
              outcome: outcome.outcome,
              files: outcome.files,
              findings: outcome.findings,
            };
          },
          onClaimed: items => {
            for (const item of items) if (item.runId) runs.add(item.runId);
          },
          onError: message =>
            this.deps.logger.warn(`Container scorecard scan worker ${message}`),
        });
      }
      if (runs.size) await this.finishSweepIfDone();
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The sweep's entities are in memory here; others come from the catalog. */
  private async resolveEntities(refs: string[]): Promise<Map<string, Entity>> {
    const found = new Map<string, Entity>();
    const missing: string[] = [];
    for (const ref of refs) {
      const entity = this.sweepEntities?.get(ref);
      if (entity) found.set(ref, entity);
      else missing.push(ref);
    }
    if (missing.length) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: missing, fields: ENTITY_FIELDS },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      for (const entity of items) if (entity) found.set(refOf(entity), entity);
    }
    return found;
  }

  /**
   * Ends the latest sweep once no entity of it is due or claimed, with totals from the outcomes
   * its entities left in the queue, and does the run's housekeeping. Any replica may call it;
   * only the one whose update ends the run does the rest.
   */
  private async finishSweepIfDone(): Promise<RunRecord | undefined> {
    const { store, logger, options } = this.deps;
    const run = await store.latestRun();
    if (!run || run.outcome !== 'running') return undefined;
    if ((await store.queue.pendingOf(run.id)) > 0) return undefined;
    const totals = await store.queue.totalsOf(run.id);
    const finishedAt = this.now();
    const durationMs = finishedAt.getTime() - Date.parse(run.startedAt);
    if (!(await store.finishRun(run.id, finishedAt, durationMs, totals))) {
      return undefined;
    }
    const today = dayOf(finishedAt);
    await store.history.carryForward(today);
    // Yesterday too: a rescan just before midnight may have changed its snapshots.
    await store.history.refreshDailyTotals([daysBefore(finishedAt, 1), today]);
    // An empty sweep is more likely a catalog hiccup than the truth: nothing is forgotten then.
    if (totals.entities > 0) await this.forgetEntitiesOutOfScope();
    await store.prune({
      retentionDays: options.retentionDays,
      now: finishedAt,
    });
    logger.info(
      `Container scorecard scan: ${totals.entities} entities (${totals.unchanged} unchanged), ` +
        `${totals.files} files, ${totals.findings} findings, ${totals.errors} errors ` +
        `in ${(durationMs / 1000).toFixed(1)}s`,
    );
    return {
      id: run.id,
      startedAt: run.startedAt,
      finishedAt: finishedAt.toISOString(),
      durationMs,
      ...totals,
      outcome: 'completed',
    };
  }

  /** Entities that left the catalog or opted out no longer have a current result. */
  private async forgetEntitiesOutOfScope() {
    const keep = new Set(await this.deps.store.queue.listEntityRefs('skipped'));
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
      // Images are found in the analysed definitions: a result stored before inspection was
      // turned on has none, so its repository is read again once.
      const storedImages = this.deps.images?.enabled
        ? await store.images.getEntityImages(entityRef)
        : undefined;
      const imagesWanted = this.deps.images?.enabled && !storedImages;
      // An ETag only vouches for the same place, globs and ruleset.
      const etag =
        !force &&
        !imagesWanted &&
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
          if (storedImages) {
            await this.reinspectImages(entity, entityRef, storedImages);
          }
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
      const images = await this.inspectImages(entity, entityRef, analysis);
      const defined = toApiResult(
        images ? settleWithImages(analysis, images.results) : analysis,
        limitsReached.length ? { ...tree, limitsReached } : tree,
        this.rules,
        this.deps.options.maxFileBytes,
      );
      const result = images
        ? {
            ...defined,
            counts: countsWithImages(defined.counts, images.results),
          }
        : defined;
      const analysedAt = this.now();
      try {
        await store.saveResult({
          ...result,
          ...details,
          entityRef,
          analysedAt,
          sourceKey,
          etag: tree.etag,
          ...(images ? { images } : {}),
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

  /**
   * The entity's images, when inspection is on. Registry trouble is a result per image, never an
   * exception; anything else (a bug) is logged and the definitions are stored without images,
   * so an image problem can never cost the entity its scan.
   */
  private async inspectImages(
    entity: Entity,
    entityRef: string,
    analysis: {
      files: Parameters<ImageInspectionService['inspectEntity']>[0]['results'];
    },
  ): Promise<EntityImagesOutcome | undefined> {
    const service = this.deps.images;
    if (!service?.enabled) return undefined;
    const previousDigests = await this.deps.store.images.lastDigestsOf(
      entityRef,
    );
    try {
      return await service.inspectEntity({
        entity,
        results: analysis.files,
        previousDigests,
        budgetMs: this.deps.options.entityTimeoutMs,
      });
    } catch (error) {
      this.deps.logger.warn(
        `Container scorecard could not inspect the images of ${entityRef}: ${error}`,
      );
      return undefined;
    }
  }

  /**
   * An unchanged repository still runs images whose tags may have moved: they are inspected
   * again and stored with the entity's counts adjusted. A failure here is logged; the entity's
   * result stays as it was, and so does its outcome ("unchanged").
   */
  private async reinspectImages(
    entity: Entity,
    entityRef: string,
    stored: EntityImages,
  ): Promise<void> {
    try {
      const images = await this.deps.images?.reinspect({
        entity,
        stored,
        previousDigests: await this.deps.store.images.lastDigestsOf(entityRef),
        budgetMs: this.deps.options.entityTimeoutMs,
      });
      if (images) await this.deps.store.refreshImages(entityRef, images);
    } catch (error) {
      this.deps.logger.warn(
        `Container scorecard could not inspect the images of ${entityRef} again: ${error}`,
      );
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
