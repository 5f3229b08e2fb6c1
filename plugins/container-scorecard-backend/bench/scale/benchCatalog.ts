import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
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
 * The catalog as the plugin meets it in a real backend. The in-memory test client re-flattens
 * every entity on every query (a real catalog reads its search table instead), which at 10,000
 * entities costs more than the endpoints themselves and would say nothing about them. Here each
 * distinct query is answered by the in-memory client once, field selection included, and every
 * call then parses that answer's JSON afresh: the share of a real catalog's answer that is paid
 * inside the plugin's own process. Single entities come from a map by ref, as a real catalog's
 * primary-key lookup would. `time` accumulates what the calls took.
 */
export function indexedCatalogStandIn(
  entities: Entity[],
  time: { ms: number } = { ms: 0 },
): CatalogService {
  const inMemory = catalogServiceMock({ entities });
  const answers = new Map<string, Promise<string>>();
  const byRef = new Map(
    entities.map(e => [
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
      JSON.stringify(e),
    ]),
  );
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      time.ms += performance.now() - start;
    }
  };
  /** The answer to `request`, asked of the in-memory client the first time only. */
  const answer = (request: object, query: () => Promise<unknown>) =>
    timed(async () => {
      const key = JSON.stringify(request);
      if (!answers.has(key)) answers.set(key, query().then(JSON.stringify));
      return JSON.parse(await answers.get(key)!);
    });
  const ownedBy = ownershipIndex(entities);
  const catalog: Pick<
    CatalogService,
    'getEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
  > = {
    getEntities: (request, options) =>
      answer({ getEntities: request }, () => {
        // A team's entities: the in-memory client asked over just the owners' entities gives
        // the same answer as over all of them, without flattening 100,000 entities per team.
        const owners = ownersOf(request?.filter);
        const client = owners
          ? catalogServiceMock({
              entities: owners.flatMap(owner => ownedBy.get(owner) ?? []),
            })
          : inMemory;
        return client.getEntities(request, options);
      }),
    getEntitiesByRefs: (request, options) =>
      answer({ getEntitiesByRefs: request }, () =>
        inMemory.getEntitiesByRefs(request, options),
      ),
    getEntityByRef: async ref =>
      timed(async () => {
        const key = (
          typeof ref === 'string' ? ref : stringifyEntityRef(ref)
        ).toLocaleLowerCase('en-US');
        const json = byRef.get(key);
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
