import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ScorecardEngine } from '@container-scorecard/plugin-container-scorecard-common';
import { promises as fs } from 'node:fs';
import type { ScorecardStore } from '../../database/ScorecardStore';
import { daysBefore } from '../../database/rowMapping';
import type { EntityAnalyzer } from '../analysis/createEntityAnalyzer';
import { refOf } from '../discovery/catalogEntities';
import { resolveEntitySource } from '../discovery/resolveEntitySource';
import type { ScorecardOptions } from '../readScorecardOptions';
import { ScanService } from '../scanning/ScanService';
import { loadRevisions } from './loadRevisions';
import { materialiseRevision } from './materialiseRevision';
import { createRevisionReader, pathBelow } from './revisionReader';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything seeding needs: the plugin's own store, engine and analyzer. */
export interface DemoHistoryDeps {
  store: ScorecardStore;
  engine: ScorecardEngine;
  analyzer: EntityAnalyzer;
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
    | 'maxRepositoryFiles'
    | 'maxEntityBytes'
  >;
  /** The folder of revision folders (`examples/history`), absolute. */
  historyDirectory: string;
  /** The folder the revisions mirror (`examples`), an absolute real path. */
  examplesRoot: string;
  now?: () => Date;
}

/** What seeding did. */
export type DemoHistoryOutcome =
  | { seeded: false; reason: string }
  | { seeded: true; revisions: number; entities: number; days: number };

/**
 * Gives an empty store the demo's past: each earlier revision of the example repositories is
 * written out and each service scanned by a ScanService of its own, through the same reader code,
 * analysis workers and store as any scan, with the revision's date as the scan time. Between revisions the
 * scores are carried forward day by day, as the daily runs of a real portal do for repositories
 * that did not change. Only days before today are written: today is the normal scan's.
 *
 * A store that holds any scan run is left alone: today's scan follows seeding at once, so a
 * restart never seeds twice, and a store with a real past is never touched.
 */
export async function seedDemoHistory(
  deps: DemoHistoryDeps,
  entities: Entity[],
  signal?: AbortSignal,
): Promise<DemoHistoryOutcome> {
  const { store, logger } = deps;
  // Seeding records no runs, so a store without any is one whose seeding was cut short (the
  // backend restarted): seeding again rewrites the same days, it adds none.
  if (await store.latestRun()) {
    return {
      seeded: false,
      reason: 'the store has scan runs, so a past of its own',
    };
  }
  const revisions = await loadRevisions(deps.historyDirectory);
  const inExamples = await entitiesInExamples(entities, deps.examplesRoot);
  if (revisions.length === 0 || inExamples.length === 0) {
    return {
      seeded: false,
      reason: revisions.length
        ? 'no entity in scope is read from the examples folder'
        : `${deps.historyDirectory} holds no revisions`,
    };
  }
  const firstStart = (deps.now ?? (() => new Date()))();
  logger.info(
    `Container scorecard demo: seeding ${revisions.length} earlier revisions of ` +
      `${inExamples.length} example services (${
        entities.length - inExamples.length
      } others have no past here)`,
  );
  let days = 0;
  for (const [index, revision] of revisions.entries()) {
    if (signal?.aborted) {
      return {
        seeded: false,
        reason: 'the scan task was stopped while seeding',
      };
    }
    const at = firstStart.getTime() - revision.daysAgo * DAY_MS;
    const materialised = await materialiseRevision({
      examplesRoot: deps.examplesRoot,
      historyDirectory: deps.historyDirectory,
      revision,
    });
    try {
      const began = Date.now();
      // Named one by one: whatever else the plugin hands its own scanner (a listener that
      // notifies owners of regressions, say) has no business with a seeded past.
      const scanner = new ScanService({
        store,
        engine: deps.engine,
        analyzer: deps.analyzer,
        catalog: deps.catalog,
        auth: deps.auth,
        logger,
        options: deps.options,
        reader: createRevisionReader({
          ...deps.options,
          examplesRoot: deps.examplesRoot,
          revisionRoot: materialised.root,
        }),
        // The revision's day, with the time the scan really takes.
        now: () => new Date(at + (Date.now() - began)),
      });
      // One entity at a time through the scanner's own concurrency limit, as a run does; the
      // shared queue is left out of it: it would hand the entities to today's scanner too.
      const outcomes = await Promise.all(
        inExamples.map(entity => scanner.scanEntity(entity, { force: true })),
      );
      const day = daysBefore(firstStart, revision.daysAgo);
      await store.history.carryForward(day);
      await store.history.refreshDailyTotals([day]);
      const failed = outcomes.filter(o => o.outcome === 'failed').length;
      const findings = outcomes.reduce((sum, o) => sum + o.findings, 0);
      logger.info(
        `Container scorecard demo: ${revision.daysAgo} days ago, ${outcomes.length} services, ` +
          `${findings} findings, ${failed} could not be analysed: ${revision.summary}`,
      );
    } finally {
      await materialised.remove();
    }
    const nextDaysAgo = revisions[index + 1]?.daysAgo ?? 0;
    days +=
      1 +
      (await carryForwardBetween(
        store,
        firstStart,
        revision.daysAgo,
        nextDaysAgo,
      ));
  }
  return {
    seeded: true,
    revisions: revisions.length,
    entities: inExamples.length,
    days,
  };
}

/**
 * The days strictly between two revisions (or between the last one and today) keep the earlier
 * revision's scores, as a daily run over unchanged repositories would have kept them.
 */
async function carryForwardBetween(
  store: ScorecardStore,
  firstStart: Date,
  fromDaysAgo: number,
  toDaysAgo: number,
): Promise<number> {
  const days: string[] = [];
  for (let d = fromDaysAgo - 1; d > toDaysAgo; d--) {
    days.push(daysBefore(firstStart, d));
  }
  for (const day of days) await store.history.carryForward(day);
  if (days.length) await store.history.refreshDailyTotals(days);
  return days.length;
}

/** The entities whose every source lies in the examples folder: only they have a past here. */
async function entitiesInExamples(
  entities: Entity[],
  examplesRoot: string,
): Promise<Entity[]> {
  const inside = async (target: string) =>
    pathBelow(examplesRoot, await fs.realpath(target).catch(() => target)) !==
    undefined;
  const kept: Entity[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    const source = resolveEntitySource(entity);
    if (source.type !== 'file' || seen.has(refOf(entity))) continue;
    const targets = [source, ...(source.extraSources ?? [])];
    if (
      targets.every(t => t.type === 'file') &&
      (await allOf(targets.map(t => inside(t.target))))
    ) {
      seen.add(refOf(entity));
      kept.push(entity);
    }
  }
  return kept;
}

async function allOf(checks: Promise<boolean>[]): Promise<boolean> {
  return (await Promise.all(checks)).every(Boolean);
}
