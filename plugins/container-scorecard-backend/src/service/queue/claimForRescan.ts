import { ServiceUnavailableError } from '@backstage/errors';
import {
  QUEUE_PRIORITY,
  type ScanQueueStore,
} from '../../database/ScanQueueStore';
import type { EntityScanOutcome } from '../scanning/ScanService';

const POLL_MS = 250;

/**
 * An on-demand rescan through the shared queue: the entity is enqueued ahead of everything else
 * (and without its ETag), then claimed here and scanned while the caller waits. When another
 * replica (or this one's worker) holds the entity, this waits for that scan to end and claims
 * the entity again; when that replica's next scan has already answered the request, its outcome
 * is the answer. Past `waitMs` the caller gets a 503 that says why, never a stale result.
 */
export async function claimForRescan(options: {
  queue: ScanQueueStore;
  claimant: string;
  entityRef: string;
  claimTtlMs: number;
  waitMs: number;
  now: () => Date;
  scan: () => Promise<EntityScanOutcome>;
}): Promise<EntityScanOutcome> {
  const { queue, claimant, entityRef, claimTtlMs, now } = options;
  const expiry = () => new Date(now().getTime() + claimTtlMs);
  await queue.enqueue([entityRef], {
    priority: QUEUE_PRIORITY.rescan,
    force: true,
    at: now(),
  });
  const deadline = now().getTime() + options.waitMs;
  for (;;) {
    const [item] = await queue.claim(claimant, 1, now(), expiry(), entityRef);
    if (item) {
      const renewal = setInterval(() => {
        queue.renewClaims(claimant, expiry()).catch(() => {});
      }, Math.max(1, Math.floor(claimTtlMs / 3)));
      renewal.unref?.();
      let outcome: EntityScanOutcome;
      try {
        outcome = await options.scan();
      } catch (error) {
        await queue.release(claimant, [entityRef]).catch(() => {});
        throw error;
      } finally {
        clearInterval(renewal);
      }
      // The result is stored; a claim that cannot be ended lapses and the entity is scanned again.
      await queue.complete(claimant, item, outcome, now()).catch(() => {});
      return outcome;
    }
    const state = await queue.stateOf(entityRef);
    if (state && !state.due && !state.claimed && state.outcome) {
      return {
        entityRef,
        outcome: state.outcome,
        files: state.files ?? 0,
        findings: state.findings ?? 0,
      };
    }
    if (now().getTime() > deadline) {
      throw new ServiceUnavailableError(
        `${entityRef} is being scanned by another replica that has not finished in time; try again shortly`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}
