import type {
  GetEntitiesByRefsRequest,
  GetEntitiesRequest,
} from '@backstage/catalog-client';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { performance } from 'node:perf_hooks';

export const DEPARTMENTS = 10;
export const TEAMS_PER_DEPARTMENT = 10;

/** The team that owns `svc-<i>`: 100 teams in 10 departments under one organisation. */
export function teamOf(i: number): string {
  return `team-${i % DEPARTMENTS}-${
    Math.floor(i / DEPARTMENTS) % TEAMS_PER_DEPARTMENT
  }`;
}

/** The organisation's groups and `count` components, each with a repository of its own. */
export function buildCatalog(count: number): Entity[] {
  const groups: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'org' },
      spec: { type: 'organization', children: [] },
    },
  ];
  for (let d = 0; d < DEPARTMENTS; d++) {
    groups.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `dept-${d}` },
      spec: { type: 'department', parent: 'org', children: [] },
      relations: [{ type: 'childOf', targetRef: 'group:default/org' }],
    });
    for (let t = 0; t < TEAMS_PER_DEPARTMENT; t++) {
      groups.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: `team-${d}-${t}` },
        spec: { type: 'team', parent: `dept-${d}`, children: [] },
        relations: [{ type: 'childOf', targetRef: `group:default/dept-${d}` }],
      });
    }
  }
  const components: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const team = teamOf(i);
    components.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${i}`,
        annotations: {
          'backstage.io/source-location': `url:https://github.com/bench/svc-${i}/tree/main/`,
        },
      },
      spec: { type: 'service', owner: team, lifecycle: 'production' },
      relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
    });
  }
  return [...groups, ...components];
}

/**
 * The catalog's answers, as the bodies its REST API sends. The in-memory test client re-flattens
 * every entity on every query (a real catalog reads its search table instead), which at 10,000
 * entities costs more than the endpoints themselves and would say nothing about them. Here each
 * distinct query is answered by the in-memory client once, field selection included, and kept
 * as the JSON text of its answer; single entities come from a map by ref, as a real catalog's
 * primary-key lookup would. catalogServer.ts serves these over HTTP; indexedCatalogStandIn
 * parses them in-process.
 */
export interface IndexedCatalogAnswers {
  /** The body of `GET /entities`: a JSON array of the entities. */
  entities: (request?: GetEntitiesRequest) => Promise<string>;
  /** The body of `POST /entities/by-refs`: `{"items": [...]}`, null for a ref not found. */
  entitiesByRefs: (request: GetEntitiesByRefsRequest) => Promise<string>;
  /** The body of `GET /entities/by-name/...`, undefined when there is no such entity. */
  entity: (ref: string | CompoundEntityRef) => string | undefined;
}

export function indexedCatalogAnswers(
  entities: Entity[],
): IndexedCatalogAnswers {
  const inMemory = catalogServiceMock({ entities });
  const answers = new Map<string, Promise<string>>();
  const byRef = new Map(
    entities.map(e => [
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
      JSON.stringify(e),
    ]),
  );
  const ownedBy = ownershipIndex(entities);
  /** The answer to `request`, asked of the in-memory client the first time only. */
  const answer = (request: object, query: () => Promise<string>) => {
    // A condition that a key only exist is a symbol, which JSON would leave out of the key.
    const key = JSON.stringify(request, (_, value) =>
      typeof value === 'symbol' ? `\0${String(value)}` : value,
    );
    let body = answers.get(key);
    if (!body) {
      body = query();
      answers.set(key, body);
      // A failed query is asked again next time rather than kept.
      body.catch(() => answers.delete(key));
    }
    return body;
  };
  return {
    entities: request =>
      answer({ getEntities: request }, async () => {
        // A team's entities: the in-memory client asked over just the owners' entities gives
        // the same answer as over all of them, without flattening 100,000 entities per team.
        const owners = ownersOf(request?.filter);
        const client = owners
          ? catalogServiceMock({
              entities: owners.flatMap(owner => ownedBy.get(owner) ?? []),
            })
          : inMemory;
        const { items } = await client.getEntities(request);
        return JSON.stringify(items);
      }),
    entitiesByRefs: request =>
      answer({ getEntitiesByRefs: request }, async () =>
        JSON.stringify(await inMemory.getEntitiesByRefs(request)),
      ),
    entity: ref =>
      byRef.get(
        (typeof ref === 'string'
          ? ref
          : stringifyEntityRef(ref)
        ).toLocaleLowerCase('en-US'),
      ),
  };
}

/**
 * The catalog as the plugin meets it in a real backend, in the caller's own process: the
 * indexed answers, each call parsing its answer's JSON afresh (the share of a real catalog's
 * answer paid inside the plugin's process). `time` accumulates what the calls took. The readers
 * phase does not use this but catalogServer.ts over HTTP, so the catalog's data stays out of the
 * measured backend's memory.
 */
export function indexedCatalogStandIn(
  entities: Entity[],
  time: { ms: number } = { ms: 0 },
): CatalogService {
  const answers = indexedCatalogAnswers(entities);
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      time.ms += performance.now() - start;
    }
  };
  const catalog: Pick<
    CatalogService,
    'getEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
  > = {
    getEntities: request =>
      timed(async () => ({
        items: JSON.parse(await answers.entities(request)),
      })),
    getEntitiesByRefs: request =>
      timed(async () => JSON.parse(await answers.entitiesByRefs(request))),
    getEntityByRef: ref =>
      timed(async () => {
        const json = answers.entity(ref);
        return json ? JSON.parse(json) : undefined;
      }),
  };
  return catalog as CatalogService;
}

/** Entities by the lower-cased ref of each owner they have an `ownedBy` relation to. */
function ownershipIndex(entities: Entity[]): Map<string, Entity[]> {
  const index = new Map<string, Entity[]>();
  for (const entity of entities) {
    for (const relation of entity.relations ?? []) {
      if (relation.type !== 'ownedBy') continue;
      const owner = relation.targetRef.toLocaleLowerCase('en-US');
      const owned = index.get(owner);
      if (owned) owned.push(entity);
      else index.set(owner, [entity]);
    }
  }
  return index;
}

/**
 * The owners a filter restricts to, when every alternative of it names `relations.ownedBy`;
 * undefined when any alternative does not (the whole catalog must be asked then).
 */
function ownersOf(filter: unknown): string[] | undefined {
  const alternatives = Array.isArray(filter) ? filter : [filter];
  const owners = new Set<string>();
  for (const alternative of alternatives) {
    const value = (alternative as Record<string, unknown> | undefined)?.[
      'relations.ownedBy'
    ];
    if (value === undefined) return undefined;
    for (const owner of [value].flat()) {
      owners.add(String(owner).toLocaleLowerCase('en-US'));
    }
  }
  return owners.size ? [...owners] : undefined;
}
