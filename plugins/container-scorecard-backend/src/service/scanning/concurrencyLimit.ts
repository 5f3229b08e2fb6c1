/**
 * Runs at most `limit` pieces of work at once; the rest wait in arrival order. A freed slot is
 * handed straight to the next waiter, so a burst of callers can never overtake the limit.
 */
export function createConcurrencyLimit(
  limit: number,
): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async work => {
    if (active < limit) active += 1;
    else await new Promise<void>(resolve => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
