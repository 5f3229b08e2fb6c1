import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type { EventParams, EventsService } from '@backstage/plugin-events-node';
import { EntitySourceIndex } from './EntitySourceIndex';
import { PUSH_TOPICS } from './mapPushPayloads';

/** The index is rebuilt from the catalog when older than this. */
export const DEFAULT_INDEX_MAX_AGE_MS = 5 * 60_000;
/** A push no entity matched rebuilds an index older than this once: the entity may be new. */
const MISS_REBUILD_AGE_MS = 30_000;

/**
 * Rescans the entities a push changed: subscribed to the push topics of the SCM event modules,
 * it maps each push to the entities read from that repository and branch (`EntitySourceIndex`,
 * rebuilt from the catalog when stale) and asks for their scans ahead of the schedule. Pushes
 * that change no path a container definition can live in ask for nothing.
 */
export class PushEventRescans {
  private index?: { built: number; index: EntitySourceIndex };
  private building?: Promise<EntitySourceIndex>;

  constructor(
    private readonly deps: {
      /** The entities in scope, as the scanner sees them. */
      discover: () => Promise<Entity[]>;
      /** Enqueues scans of these entities with a push's priority and starts them. */
      requestScans: (entityRefs: string[]) => Promise<void>;
      logger: LoggerService;
      indexMaxAgeMs?: number;
      now?: () => number;
    },
  ) {}

  /** Subscribes to every push topic this plugin can read. */
  async subscribe(events: EventsService): Promise<void> {
    await events.subscribe({
      id: 'container-scorecard-push-rescans',
      topics: Object.keys(PUSH_TOPICS),
      onEvent: params => this.onEvent(params).then(() => undefined),
    });
  }

  /** Handles one event; returns the entities it asked to rescan. */
  async onEvent(params: EventParams): Promise<string[]> {
    const read = PUSH_TOPICS[params.topic];
    if (!read) return [];
    const pushes = read(params.eventPayload);
    if (pushes.length === 0) return [];
    const refs = new Set<string>();
    let index = await this.currentIndex(this.maxAge);
    for (const push of pushes) {
      let matched = index.match(push);
      if (matched.length === 0 && this.age() > MISS_REBUILD_AGE_MS) {
        index = await this.currentIndex(MISS_REBUILD_AGE_MS);
        matched = index.match(push);
      }
      for (const ref of matched) refs.add(ref);
      this.deps.logger.info(
        `Container scorecard: ${push.scm} push to ${push.repositoryUrl} (${push.branch}) ` +
          `${
            matched.length
              ? `rescans ${matched.join(', ')}`
              : 'changes no scanned container definition'
          }`,
      );
    }
    await this.deps.requestScans([...refs]);
    return [...refs];
  }

  private get maxAge() {
    return this.deps.indexMaxAgeMs ?? DEFAULT_INDEX_MAX_AGE_MS;
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  private age() {
    return this.index ? this.now() - this.index.built : Infinity;
  }

  private async currentIndex(maxAgeMs: number): Promise<EntitySourceIndex> {
    if (this.index && this.age() <= maxAgeMs) return this.index.index;
    // Pushes arriving together share one catalog read.
    if (!this.building) {
      const built = this.now();
      this.building = this.deps
        .discover()
        .then(entities => {
          const index = new EntitySourceIndex(entities);
          this.index = { built, index };
          return index;
        })
        .finally(() => {
          this.building = undefined;
        });
    }
    return this.building;
  }
}
