import type {
  ClaimedEntity,
  QueueOutcome,
  ScanQueueStore,
} from '../../database/ScanQueueStore';

/** How one replica works through the shared queue. */
export interface DrainOptions<T> {
  queue: ScanQueueStore;
  /** This replica's id in the queue's `claimed_by`. */
  claimant: string;
  /** Entities scanned at the same time here; also the largest batch claimed at once. */
  concurrency: number;
  /** How long a claim lasts unless renewed; a dead replica's claims lapse after it. */
  claimTtlMs: number;
  now: () => Date;
  /** Once aborted no further entity is claimed; the scans under way finish. */
  signal?: AbortSignal;
  /** Looks up the claimed entities (absent: no longer in the catalog). */
  resolve: (entityRefs: string[]) => Promise<Map<string, T>>;
  /** Scans one entity; never expected to throw, but a throw counts as a failure. */
  scan: (item: ClaimedEntity, entity: T | undefined) => Promise<QueueOutcome>;
  onClaimed?: (items: ClaimedEntity[]) => void;
  onError?: (message: string) => void;
}

/**
 * Claims due entities in small batches and scans them, keeping `concurrency` scans going, until
 * nothing claimable is left or the signal aborts. A new batch is claimed once half the slots are
 * free, so a slow entity does not hold up the rest and claims stay few. Claims are renewed while
 * the replica works, so only a replica that stopped loses them.
 */
export async function drainQueue<T>(options: DrainOptions<T>): Promise<number> {
  const { queue, claimant, concurrency, claimTtlMs, now, signal } = options;
  const expiry = () => new Date(now().getTime() + claimTtlMs);
  const active = new Set<Promise<void>>();
  let scanned = 0;
  const renewal = setInterval(() => {
    queue.renewClaims(claimant, expiry()).catch(error => {
      options.onError?.(`could not renew its scan claims: ${error}`);
    });
  }, Math.max(1, Math.floor(claimTtlMs / 3)));
  renewal.unref?.();

  const run = (item: ClaimedEntity, entity: T | undefined) => {
    const work = (async () => {
      let result: QueueOutcome;
      try {
        result = await options.scan(item, entity);
      } catch (error) {
        options.onError?.(`could not scan ${item.entityRef}: ${error}`);
        result = { outcome: 'failed', files: 0, findings: 0 };
      }
      scanned += 1;
      // A claim that cannot be ended lapses at its expiry and the entity is scanned again.
      await queue
        .complete(claimant, item, result, now())
        .catch(error =>
          options.onError?.(
            `could not end its claim on ${item.entityRef}: ${error}`,
          ),
        );
    })().finally(() => active.delete(work));
    active.add(work);
  };

  try {
    while (!signal?.aborted) {
      if (active.size > concurrency / 2) {
        await Promise.race(active);
        continue;
      }
      const items = await queue.claim(
        claimant,
        concurrency - active.size,
        now(),
        expiry(),
      );
      if (items.length === 0) {
        if (active.size === 0) break;
        await Promise.race(active);
        continue;
      }
      options.onClaimed?.(items);
      let entities: Map<string, T>;
      try {
        entities = await options.resolve(items.map(i => i.entityRef));
      } catch (error) {
        // Unscanned, they stay due for whichever replica claims next.
        await queue.release(
          claimant,
          items.map(i => i.entityRef),
        );
        throw error;
      }
      for (const item of items) run(item, entities.get(item.entityRef));
    }
    await Promise.all(active);
    return scanned;
  } catch (error) {
    // The scans under way still end their claims before the error is passed on.
    await Promise.allSettled(active);
    throw error;
  } finally {
    clearInterval(renewal);
  }
}
