import { performance } from 'node:perf_hooks';
import { percentile } from './benchLogger';

/** What `clients` concurrent readers of one route saw over one window. */
export interface RouteLoad {
  requests: number;
  failures: number;
  /** Why requests failed, counted: `HTTP 503`, or a network error's code or message. */
  failureReasons: Record<string, number>;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  peakRssBytes: number;
}

/**
 * `clients` readers, each sending its next request as soon as the last one's body has arrived,
 * for `durationMs`: a closed loop, as browsers waiting on a page behave. Requests still open at
 * the end are waited for and counted. Failures (non-2xx, network errors) are counted apart and
 * their latencies kept: a fast error must not pass for a fast answer; each failure's reason is
 * counted, so a run that failed says what failed. RSS is sampled every 250 ms from `rss`.
 */
export async function loadRoute(options: {
  baseUrl: string;
  pathOf: (n: number) => string;
  clients: number;
  durationMs: number;
  rss: () => number;
}): Promise<RouteLoad> {
  const latencies: number[] = [];
  let failures = 0;
  const failureReasons: Record<string, number> = {};
  const failed = (reason: string) => {
    failures += 1;
    failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
  };
  let next = 0;
  let peakRssBytes = options.rss();
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, options.rss());
  }, 250);
  const started = performance.now();
  const end = started + options.durationMs;
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (performance.now() < end) {
          const path = options.pathOf(next++);
          const start = performance.now();
          try {
            const response = await fetch(`${options.baseUrl}${path}`);
            await response.arrayBuffer();
            if (!response.ok) failed(`HTTP ${response.status}`);
          } catch (error) {
            failed(reasonOf(error));
          }
          latencies.push(performance.now() - start);
        }
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  peakRssBytes = Math.max(peakRssBytes, options.rss());
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    failureReasons,
    requestsPerSecond: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    peakRssBytes,
  };
}

/** A network error as fetch reports it: the cause's code and text (`UND_ERR_SOCKET: other side closed`). */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  const text = cause?.message ?? (error as Error)?.message ?? String(error);
  return cause?.code ? `${cause.code}: ${text}` : text;
}
