import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { visibleSetKey } from '../reports/ReportCache';

/** What an organisation report reads of the caller's catalog answer, with its digest. */
export interface LoadedVisibleSet {
  visible: Entity[];
  groups: Entity[];
  /** `visibleSetKey(visible, groups)`: equal digests mean equal answers. */
  digest: string;
}

/**
 * The digest of each caller's visible set, remembered for the report window.
 *
 * Reading the caller's catalog answer to key a cached report costs about as much as serving the
 * cached report many times over: 10,000 entities parsed and digested per request (about 70 ms of
 * CPU), so 50 readers of one cached report still queued for seconds. Remembering the digest per
 * principal for the window lets a caller's repeated requests find the cached report without
 * reading the catalog. The price, documented in docs/freshness.md: a change to what a caller may
 * see (a permission policy, an ownership claim, an entity added or removed) reaches that caller's
 * reports after at most one window, as a scan's result already does. A window of 0 remembers
 * nothing, so every request reads the catalog (exact access, as before).
 *
 * Concurrent loads for one principal share one catalog read: 50 readers arriving at once must not
 * hold 50 copies of a 10,000-entity answer.
 */
export class CallerVisibleSets {
  private readonly digests = new Map<string, { digest: string; at: number }>();
  private readonly loading = new Map<string, Promise<LoadedVisibleSet>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      /** Principals remembered; the least recently loaded goes first. */
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  /** The digest loaded for `principal` within the window, if any. */
  recent(principal: string): string | undefined {
    const found = this.digests.get(principal);
    if (!found) return undefined;
    if (this.now() - found.at < this.options.ttlMs) return found.digest;
    this.digests.delete(principal);
    return undefined;
  }

  /**
   * The caller's visible set as `read` gives it now, remembered by digest. A read already in
   * flight for the same principal is shared rather than repeated.
   */
  load(
    principal: string,
    read: () => Promise<{ visible: Entity[]; groups: Entity[] }>,
  ): Promise<LoadedVisibleSet> {
    const inFlight = this.loading.get(principal);
    if (inFlight) return inFlight;
    const loaded = read()
      .then(({ visible, groups }) => {
        const digest = visibleSetKey(visible, groups);
        this.remember(principal, digest);
        return { visible, groups, digest };
      })
      .finally(() => this.loading.delete(principal));
    this.loading.set(principal, loaded);
    return loaded;
  }

  private remember(principal: string, digest: string) {
    if (this.options.ttlMs <= 0) return;
    // Re-inserting moves the principal to the end, so eviction takes the least recently loaded.
    this.digests.delete(principal);
    this.digests.set(principal, { digest, at: this.now() });
    const max = this.options.maxEntries ?? 4096;
    for (const key of this.digests.keys()) {
      if (this.digests.size <= max) break;
      this.digests.delete(key);
    }
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }
}

/**
 * Who is asking, as far as the catalog's permission decisions can tell callers apart: the user
 * (and the service acting for them), or the service with its access restrictions. Two requests
 * with the same key see the same catalog, up to a policy change.
 */
export function principalKeyOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    actor?: { subject?: string };
    subject?: string;
    accessRestrictions?: unknown;
  };
  switch (principal.type) {
    case 'user':
      return `user\t${principal.userEntityRef}\t${
        principal.actor?.subject ?? ''
      }`;
    case 'service':
      return `service\t${principal.subject}\t${JSON.stringify(
        principal.accessRestrictions ?? null,
      )}`;
    default:
      return principal.type;
  }
}
