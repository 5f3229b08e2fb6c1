/**
 * Keeps aggregates over every stored entity for a short while. They read thousands of rows and
 * only change when a scan writes; the store clears the cache on each of its own writes, and the
 * expiry bounds how stale another replica's writes can look.
 *
 * Concurrent readers of a missing or expired entry share one load: under 50 concurrent report
 * requests each loading 10,000 summaries itself, a backend held them all at once (over 1 GiB).
 */
export class ExpiringCache {
  private readonly entries = new Map<
    string,
    { at: number; value: Promise<unknown> }
  >();

  constructor(
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get<V>(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.maxAgeMs)
      return hit.value as Promise<V>;
    const entry = { at: this.now(), value: load() as Promise<unknown> };
    this.entries.set(key, entry);
    // A failed load is not kept: the next reader tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value as Promise<V>;
  }

  clear(): void {
    this.entries.clear();
  }
}
