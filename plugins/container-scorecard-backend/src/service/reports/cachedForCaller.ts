import type { Entity } from '@backstage/catalog-model';
import {
  CallerVisibleSets,
  LoadedVisibleSet,
} from '../access/CallerVisibleSets';
import { ReportCache } from './ReportCache';

/** Thrown inside a computation whose caller no longer sees the set its key was made from. */
class VisibleSetMoved extends Error {}

/**
 * A cached answer for the caller, computed over their visible set.
 *
 * With a digest remembered for the principal (see `CallerVisibleSets`) the cached answer under it
 * is served without reading the catalog. Whatever is stored under a digest is computed only over
 * a set with that digest: when a computation is due (a miss, or a refresh past the window), the
 * caller's set is read afresh, and if it no longer matches the remembered digest the computation
 * is dropped and the caller's answer comes from the new digest instead. Otherwise a caller whose
 * access grew could leave their larger set under a digest that others still use.
 */
export async function cachedForCaller<T>(options: {
  principal: string;
  visibleSets: CallerVisibleSets;
  read: () => Promise<{ visible: Entity[]; groups: Entity[] }>;
  cache: ReportCache<T>;
  /** The cache key for a visible set's digest: the digest plus everything else the answer reads. */
  keyOf: (digest: string) => string;
  compute: (loaded: LoadedVisibleSet) => Promise<T>;
}): Promise<{ value: T; key: string }> {
  const { principal, visibleSets, read, cache, keyOf, compute } = options;
  const remembered = visibleSets.recent(principal);
  if (remembered !== undefined) {
    const key = keyOf(remembered);
    try {
      const value = await cache.get(key, async () => {
        const loaded = await visibleSets.load(principal, read);
        if (loaded.digest !== remembered) throw new VisibleSetMoved();
        return compute(loaded);
      });
      return { value, key };
    } catch (error) {
      if (!(error instanceof VisibleSetMoved)) throw error;
    }
  }
  const loaded = await visibleSets.load(principal, read);
  const key = keyOf(loaded.digest);
  return { value: await cache.get(key, () => compute(loaded)), key };
}
