/**
 * Content read by digest never changes, so it is cached by digest across images and scans; the
 * oldest entries go first once `maxEntries` is reached. Tags are never cached: they move.
 */
export class DigestCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 1000) {}

  get(digest: string): T | undefined {
    return this.entries.get(digest);
  }

  set(digest: string, value: T) {
    this.entries.delete(digest);
    this.entries.set(digest, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
