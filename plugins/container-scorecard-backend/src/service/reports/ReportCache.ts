import { createHash } from 'node:crypto';
import { type Entity, RELATION_CHILD_OF } from '@backstage/catalog-model';
import { ownerOf, refOf } from '../discovery/catalogEntities';

/** How long a computed report is served again unless configured otherwise. */
export const DEFAULT_REPORT_CACHE_TTL_MS = 30_000;

/** How long past its window a report may still be served while a fresh one is computed. */
export const DEFAULT_REPORT_MAX_STALE_MS = 5 * 60_000;

interface Entry<T> {
  value: Promise<T>;
  /** When the computation settled; undefined while it is in flight. */
  settledAt?: number;
  /** The recomputation in flight once the window has passed. */
  refreshing?: boolean;
}

/**
 * Computed reports by key, kept for a short freshness window and shared by concurrent identical
 * requests. An organisation report is CPU-bound over every visible entity (seconds at 10,000 on
 * a loaded machine): computed per request, 50 readers queue behind one another and starve every
 * other route. The key must name everything the answer depends on, above all the caller's
 * visible set (see `visibleSetKey`), so one caller is never served another's entities.
 *
 * Past its window an answer is still served, for at most `maxStaleMs` more, while one
 * recomputation runs (stale-while-revalidate): otherwise every reader would wait seconds for the
 * new one each time a window ends. Under steady readers a report is thus at most one window and
 * one computation old.
 *
 * Scans do not invalidate entries: during a sweep results are stored every few hundred ms, so
 * invalidating on each would leave the cache empty exactly when load is highest. The entity
 * scorecard, which a push updates, is not cached at all.
 */
export class ReportCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxStaleMs?: number;
      /** Distinct keys kept; the oldest goes first. */
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  /** The cached answer for `key`, or the one `compute` gives; a failure is never kept. */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.options.now ?? Date.now;
    const found = this.entries.get(key);
    if (found?.settledAt === undefined && found) return found.value;
    if (found) {
      const age = now() - found.settledAt!;
      if (age < this.options.ttlMs) return found.value;
      const maxStale = this.options.maxStaleMs ?? DEFAULT_REPORT_MAX_STALE_MS;
      if (this.options.ttlMs > 0 && age < this.options.ttlMs + maxStale) {
        if (!found.refreshing) this.refresh(key, found, compute);
        return found.value;
      }
      this.entries.delete(key);
    }
    const entry: Entry<T> = { value: this.settle(key, compute, () => entry) };
    this.entries.set(key, entry);
    this.evictOldest();
    return entry.value;
  }

  /** Computes, marks the entry fresh, and forgets it on failure or with a zero window. */
  private settle(
    key: string,
    compute: () => Promise<T>,
    entryOf: () => Entry<T>,
  ): Promise<T> {
    const now = this.options.now ?? Date.now;
    return compute().then(
      value => {
        entryOf().settledAt = now();
        // A zero window still shares the in-flight computation but keeps nothing after it.
        if (this.options.ttlMs <= 0) this.forget(key, entryOf());
        return value;
      },
      error => {
        this.forget(key, entryOf());
        throw error;
      },
    );
  }

  // The stale entry keeps answering; a failed refresh leaves it until it is too old to serve.
  private refresh(key: string, stale: Entry<T>, compute: () => Promise<T>) {
    stale.refreshing = true;
    const fresh: Entry<T> = { value: Promise.resolve(undefined as T) };
    fresh.value = this.settle(key, compute, () => fresh);
    fresh.value.then(
      () => {
        if (this.entries.get(key) === stale) this.entries.set(key, fresh);
      },
      () => {
        stale.refreshing = false;
      },
    );
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
 * A digest of what a report reads of the caller's catalog answer: each visible entity's ref,
 * owner, title and type, and each visible group's ref, parent, title and type. Two callers share
 * a cached report only when these are identical, so permissions stay exact and a catalog edit (a
 * new owner) is a new key. Plain strings rather than each entity's JSON: at 10,000 entities
 * serialising them cost more than the rest of a cached request.
 */
export function visibleSetKey(
  entities: readonly Entity[],
  groups: readonly Entity[],
): string {
  const lines: string[] = [];
  for (const e of entities) {
    lines.push(`e\t${refOf(e)}\t${ownerOf(e) ?? ''}\t${text(e)}`);
  }
  for (const g of groups) {
    const parent = g.relations?.find(r => r.type === RELATION_CHILD_OF);
    lines.push(
      `g\t${refOf(g)}\t${parent?.targetRef ?? ''}\t${String(
        g.spec?.parent ?? '',
      )}\t${text(g)}`,
    );
  }
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function text(entity: Entity): string {
  return `${entity.metadata.title ?? ''}\t${String(entity.spec?.type ?? '')}`;
}
