import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import { refOf } from '../discovery/catalogEntities';

/** How long a computed report is served again unless configured otherwise. */
export const DEFAULT_REPORT_CACHE_TTL_MS = 30_000;

interface Entry<T> {
  value: Promise<T>;
  /** When the computation settled; undefined while it is in flight. */
  settledAt?: number;
}

/**
 * Computed reports by key, kept for a short freshness window and shared by concurrent identical
 * requests. An organisation report is CPU-bound over every visible entity (hundreds of ms at
 * 10,000): computed per request, 50 readers queue behind one another and starve every other
 * route. The key must name everything the answer depends on, above all the caller's visible set
 * (see `visibleSetKey`), so one caller is never served another's entities.
 *
 * Scans do not invalidate entries: during a sweep results are stored every few hundred ms, so
 * invalidating on each would leave the cache empty exactly when load is highest. A report is at
 * most `ttlMs` older than the store instead; the entity scorecard, which a push updates, is not
 * cached at all.
 */
export class ReportCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      /** Distinct keys kept; the oldest goes first. */
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  /** The cached answer for `key`, or the one `compute` gives; a failure is never kept. */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.options.now ?? Date.now;
    const found = this.entries.get(key);
    if (
      found &&
      (found.settledAt === undefined ||
        now() - found.settledAt < this.options.ttlMs)
    ) {
      return found.value;
    }
    if (found) this.entries.delete(key);
    const entry: Entry<T> = {
      value: compute().then(
        value => {
          entry.settledAt = now();
          // A zero window still shares the in-flight computation but keeps nothing after it.
          if (this.options.ttlMs <= 0) this.forget(key, entry);
          return value;
        },
        error => {
          this.forget(key, entry);
          throw error;
        },
      ),
    };
    this.entries.set(key, entry);
    this.evictOldest();
    return entry.value;
  }

  private forget(key: string, entry: Entry<T>) {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  // A Map iterates in insertion order, so the first keys are the oldest.
  private evictOldest() {
    const max = this.options.maxEntries ?? 64;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(key);
    }
  }
}

/**
 * A digest of the caller's catalog answer: every visible entity and group, each as the catalog
 * returned it (only the fields reports ask for). Two callers share a cached report only when their
 * answers are identical, so permissions stay exact and a catalog edit (a new owner) is a new key.
 */
export function visibleSetKey(
  entities: readonly Entity[],
  groups: readonly Entity[],
): string {
  const lines = [
    ...entities.map(e => `e ${refOf(e)} ${JSON.stringify(e)}`),
    ...groups.map(g => `g ${refOf(g)} ${JSON.stringify(g)}`),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}
