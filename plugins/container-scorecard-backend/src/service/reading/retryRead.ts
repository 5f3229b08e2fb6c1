/** How a failed read should be treated. */
export interface ReadFailure {
  /** Worth trying again: rate limits, server errors, timeouts, dropped connections. */
  retryable: boolean;
  /** What a person sees as "could not analyse" reason. */
  reason: string;
  /** The server asked to wait this long (Retry-After), when the reader exposes it. */
  retryAfterMs?: number;
}

const MAX_REASON = 500;

function statusOf(error: any): number | undefined {
  const direct =
    error?.response?.status ?? error?.statusCode ?? error?.status ?? undefined;
  if (typeof direct === 'number') return direct;
  // Backstage's readers report HTTP failures as "Request failed for <url>, 429 Too Many Requests".
  const match = /, (\d{3}) /.exec(String(error?.message ?? ''));
  return match ? Number(match[1]) : undefined;
}

function retryAfterOf(error: any): number | undefined {
  const header =
    error?.response?.headers?.get?.('retry-after') ??
    error?.response?.headers?.['retry-after'];
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Sorts a read error into retry-worthy or final, with a reason a person can act on. Auth and
 * not-found errors are final: asking again gives the same answer and burns the rate limit.
 */
export function classifyReadError(error: unknown): ReadFailure {
  const e = error as any;
  const message = String(e?.message ?? e).slice(0, MAX_REASON);
  const status = statusOf(e);
  const rateLimited = /rate limit/i.test(message);
  if (e?.name === 'NotAllowedError') {
    return { retryable: false, reason: message };
  }
  if (e?.name === 'NotFoundError' || status === 404) {
    return {
      retryable: false,
      reason: `Repository or path not found, or not visible to the integration's credentials (404): ${message}`,
    };
  }
  if (status === 429 || rateLimited) {
    return {
      retryable: true,
      retryAfterMs: retryAfterOf(e),
      reason: `Rate limited by the source control system (${
        status ?? 'rate limit'
      }): ${message}`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      retryable: false,
      reason: `Not authorised to read the repository (${status}); check the integration's credentials: ${message}`,
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      retryable: true,
      reason: `The source control system failed (${status}): ${message}`,
    };
  }
  if (
    e?.name === 'AbortError' ||
    e?.name === 'TimeoutError' ||
    /ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|socket hang up|network|timed out/i.test(
      message,
    )
  ) {
    return {
      retryable: true,
      reason: `The source control system did not answer: ${message}`,
    };
  }
  return { retryable: false, reason: message };
}

/** Retry settings. */
export interface RetryOptions {
  /** Retries after the first try. */
  attempts: number;
  baseDelayMs: number;
  signal?: AbortSignal;
  /** Longest single wait, also the cap on a server's Retry-After. */
  maxDelayMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `read`, retrying retry-worthy failures with exponential backoff and jitter (and at least
 * the server's Retry-After). `isFinal` lets answers such as "not modified" through at once.
 */
export async function retryRead<T>(
  read: () => Promise<T>,
  options: RetryOptions & { isFinal?: (error: unknown) => boolean },
): Promise<T> {
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (options.isFinal?.(error) || options.signal?.aborted) throw error;
      const failure = classifyReadError(error);
      if (!failure.retryable || attempt >= options.attempts) throw error;
      const backoff =
        options.baseDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      const wait = Math.min(
        maxDelayMs,
        Math.max(backoff, failure.retryAfterMs ?? 0),
      );
      await sleep(wait, options.signal);
    }
  }
}
