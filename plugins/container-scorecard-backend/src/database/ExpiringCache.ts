/**
 * Keeps aggregates over every stored entity for a short while. They read thousands of rows and
 * only change when a scan writes; the store clears the cache on each of its own writes, and the
 * expiry bounds how stale another replica's writes can look.
 */
export class ExpiringCache {
  private readonly entries = new Map<string, { at: number; value: unknown }>();

  constructor(private readonly maxAgeMs = 30_000) {}

  async get<V>(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.maxAgeMs) return hit.value as V;
    const value = await load();
    this.entries.set(key, { at: Date.now(), value });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
