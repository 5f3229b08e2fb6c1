import type { ServiceSummary } from '@container-scorecard/plugin-container-scorecard-common';
import type { ContainerScorecardApi } from '../../api';

/** The backend's bound on refs per request (`GET /entities/summaries`). */
export const MAX_REFS_PER_REQUEST = 100;

/** How long a summary is reused: long enough for paging back and forth, short enough to see a rescan. */
const REUSE_MS = 60_000;

type Lookup = Promise<ServiceSummary | undefined>;

/**
 * Collects the summaries the cells of one render ask for and fetches them together: a catalog
 * table page of 20 (or 100) rows costs one request, not one per row. Refs asked for in the same
 * task are batched; a summary is reused for a minute.
 */
export class SummaryBatcher {
  private readonly cache = new Map<string, { at: number; lookup: Lookup }>();
  private pending = new Map<
    string,
    { resolve: (s?: ServiceSummary) => void; reject: (e: unknown) => void }[]
  >();
  private scheduled = false;

  constructor(
    private readonly api: Pick<ContainerScorecardApi, 'getEntitySummaries'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The summary of `entityRef` (a full, lower-case ref); undefined when the caller cannot see it. */
  load(entityRef: string): Lookup {
    const cached = this.cache.get(entityRef);
    if (cached && this.now() - cached.at < REUSE_MS) return cached.lookup;
    const lookup: Lookup = new Promise((resolve, reject) => {
      const waiting = this.pending.get(entityRef) ?? [];
      waiting.push({ resolve, reject });
      this.pending.set(entityRef, waiting);
    });
    this.cache.set(entityRef, { at: this.now(), lookup });
    // A failed lookup is not kept: the next render asks again.
    lookup.catch(() => this.cache.delete(entityRef));
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.flush(), 0);
    }
    return lookup;
  }

  private flush() {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    const refs = [...batch.keys()];
    for (let i = 0; i < refs.length; i += MAX_REFS_PER_REQUEST) {
      const part = refs.slice(i, i + MAX_REFS_PER_REQUEST);
      this.api.getEntitySummaries(part).then(
        ({ items }) => {
          const byRef = new Map(items.map(item => [item.entityRef, item]));
          for (const ref of part) {
            for (const waiter of batch.get(ref)!)
              waiter.resolve(byRef.get(ref));
          }
        },
        error => {
          for (const ref of part) {
            for (const waiter of batch.get(ref)!) waiter.reject(error);
          }
        },
      );
    }
  }
}
