import { teamOf } from './benchCatalog';
import { verdict } from './benchLogger';
import { loadRoute } from './loadRoute';
import { ReaderServer, REPLICA_HEAP_MB } from './startReaderServer';

/** The target: p95 under this at 50 clients, every read route, 10,000 entities on PostgreSQL. */
export const READER_P95_TARGET_MS = 300;
export const READER_TARGET_CLIENTS = 50;
/** RSS of a replica throughout every phase. */
export const RSS_TARGET_BYTES = 2 ** 30;

/** The four read routes the issue names; `n` varies the entity and team between requests. */
export function readRoutes(entities: number, days: number) {
  return [
    {
      name: 'entity scorecard',
      // A stride prime to any entity count spreads consecutive requests over the catalog.
      pathOf: (n: number) =>
        `/entities/component/default/svc-${(n * 7919) % entities}/scorecard`,
    },
    {
      name: 'team scorecard',
      pathOf: (n: number) =>
        `/teams/default/${teamOf(n * 11)}/scorecard?days=${days}`,
    },
    { name: 'report', pathOf: () => `/report?days=${days}` },
    { name: 'CSV export', pathOf: () => `/report/export.csv?days=${days}` },
  ];
}

/** What one readers phase found, for the final summary. */
export interface ReadersOutcome {
  worstP95AtTarget?: number;
  /** The reader backend's own peak RSS, the catalog stand-in's not included. */
  peakRssBytes: number;
  failures: number;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/**
 * Every read route under each number of concurrent clients in turn, for `durationMs` each, after
 * one warm-up request per route (the first fills the whole-store caches). Prints one line per
 * route and client count, and the p95 target's verdict when `targetApplies`.
 */
export async function runReadersPhase(options: {
  server: ReaderServer;
  entities: number;
  days: number;
  clients: number[];
  durationMs: number;
  targetApplies: boolean;
}): Promise<ReadersOutcome> {
  const { server } = options;
  const routes = readRoutes(options.entities, options.days);
  for (const route of routes) {
    const response = await fetch(`${server.baseUrl}${route.pathOf(0)}`);
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`${route.name} answered ${response.status} on warm-up`);
    }
  }
  const outcome: ReadersOutcome = { peakRssBytes: 0, failures: 0 };
  for (const clients of options.clients) {
    for (const route of routes) {
      const load = await loadRoute({
        baseUrl: server.baseUrl,
        pathOf: route.pathOf,
        clients,
        durationMs: options.durationMs,
        rss: server.rss,
      });
      const ended = server.exited();
      if (ended) {
        throw new Error(
          `${ended} during ${route.name} at ${clients} clients (peak RSS ${mb(
            load.peakRssBytes,
          )})`,
        );
      }
      outcome.peakRssBytes = Math.max(outcome.peakRssBytes, load.peakRssBytes);
      outcome.failures += load.failures;
      if (clients === READER_TARGET_CLIENTS) {
        outcome.worstP95AtTarget = Math.max(
          outcome.worstP95AtTarget ?? 0,
          load.p95,
        );
      }
      console.log(
        `  ${route.name.padEnd(17)} ${String(clients).padStart(
          3,
        )} clients: ${load.requestsPerSecond
          .toFixed(1)
          .padStart(6)} req/s  p50 ${load.p50
          .toFixed(0)
          .padStart(5)} ms  p95 ${load.p95
          .toFixed(0)
          .padStart(5)} ms  p99 ${load.p99.toFixed(0).padStart(5)} ms  ${
          load.requests
        } requests, ${load.failures} failed  peak RSS ${mb(load.peakRssBytes)}`,
      );
      if (load.failures > 0) {
        console.log(
          `    failed: ${Object.entries(load.failureReasons)
            .map(([reason, count]) => `${count} × ${reason}`)
            .join(', ')}`,
        );
      }
    }
  }
  if (options.targetApplies && outcome.worstP95AtTarget !== undefined) {
    console.log(
      `  target p95 < ${READER_P95_TARGET_MS} ms at ${READER_TARGET_CLIENTS} clients, every route: worst ${outcome.worstP95AtTarget.toFixed(
        0,
      )} ms ${verdict(
        outcome.worstP95AtTarget < READER_P95_TARGET_MS &&
          outcome.failures === 0,
      )}`,
    );
  }
  console.log(
    `  target RSS < 1 GiB (heap limit ${REPLICA_HEAP_MB} MB): peak ${mb(
      outcome.peakRssBytes,
    )} ${verdict(outcome.peakRssBytes < RSS_TARGET_BYTES)}`,
  );
  // The catalog is another service with its own database; its stand-in runs in a process of
  // its own so it stays out of the replica's RSS above, and is shown here so nothing is hidden.
  console.log(
    `  catalog stand-in (its own process, not the replica): peak RSS ${mb(
      server.catalogPeakRss(),
    )}`,
  );
  return outcome;
}
