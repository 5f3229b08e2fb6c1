import { Agent, get } from 'node:http';
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
  // One keep-alive connection per client, as a browser keeps one to the backend.
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const started = performance.now();
  const end = started + options.durationMs;
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (performance.now() < end) {
          const path = options.pathOf(next++);
          const start = performance.now();
          try {
            const status = await getToLastByte(
              `${options.baseUrl}${path}`,
              agent,
            );
            if (status < 200 || status > 299) failed(`HTTP ${status}`);
          } catch (error) {
            failed(reasonOf(error));
          }
          latencies.push(performance.now() - start);
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    agent.destroy();
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

/**
 * GETs `url` and reads its body to the last byte; resolves with the status. Asks for gzip, as a
 * browser does, but reads the bytes as sent instead of inflating them, as wrk or autocannon do:
 * the latency measured is the server's, up to its last byte. Inflating a 1 MB export in this
 * process, for 50 clients, on the same two cores as the server, measured the client instead
 * (fetch's client inflating it held the CSV route at 80 requests/s while the backend could send
 * 1,600 a second).
 */
function getToLastByte(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(
      url,
      { agent, headers: { 'accept-encoding': 'gzip' } },
      response => {
        response.on('data', () => {});
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

/** A network error's code and text (`ECONNRESET: socket hang up`), or a wrapped cause's. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, message } = (cause ?? {}) as {
    code?: string;
    message?: string;
  };
  const text = message ?? String(cause);
  return code ? `${code}: ${text}` : text;
}
