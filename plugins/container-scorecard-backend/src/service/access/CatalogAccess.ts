import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  listEntitiesInScope,
  lowerCaseEnUs,
  REPORT_FIELDS,
  refOf,
} from '../discovery/catalogEntities';
import type { ScopeFilter } from '../readScorecardOptions';

/**
 * Every read goes through the catalog with the caller's credentials, so the catalog's
 * permission policy decides what a caller may see here too: an entity the caller cannot see in
 * the catalog does not exist for this plugin either.
 */
export class CatalogAccess {
  constructor(
    private readonly catalog: CatalogService,
    private readonly filter: ScopeFilter,
  ) {}

  /** The entity, or a `NotFoundError` whether it is missing or hidden from the caller. */
  async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    return entity;
  }

  /**
   * Those of `entityRefs` the caller can see, in one catalog query with the caller's
   * credentials: a hidden entity drops out exactly as `requireEntity` would refuse it.
   */
  async visibleEntities(
    entityRefs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [...entityRefs], fields: REPORT_FIELDS },
      { credentials },
    );
    return items.filter((entity): entity is Entity => Boolean(entity));
  }

  /** The entities in scope that the caller can see. */
  async entitiesInScope(credentials: BackstageCredentials): Promise<Entity[]> {
    return listEntitiesInScope(
      this.catalog,
      this.filter,
      credentials,
      REPORT_FIELDS,
    );
  }

  /** The entities in scope owned by one of `owners` that the caller can see. */
  async entitiesOwnedBy(
    owners: Set<string>,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const ownedBy = { 'relations.ownedBy': [...owners] };
    const filter = Array.isArray(this.filter)
      ? this.filter.map(f => ({ ...f, ...ownedBy }))
      : { ...this.filter, ...ownedBy };
    return listEntitiesInScope(
      this.catalog,
      filter,
      credentials,
      REPORT_FIELDS,
    );
  }

  /**
   * The group and every group below it (sub-teams of sub-teams), as refs. Ownership rolls up
   * through this: a group owns what it and its descendants own. Pass `loadedTree` (the caller's
   * own `groupTree`) to save asking the catalog again.
   */
  async groupWithDescendants(
    groupRef: string,
    credentials: BackstageCredentials,
    loadedTree?: GroupTree,
  ): Promise<{ group: Entity; refs: Set<string> }> {
    const ref = normaliseGroupRef(groupRef);
    const tree = loadedTree ?? (await this.groupTree(credentials));
    const group = tree.get(ref);
    if (!group) throw new NotFoundError(`No group ${groupRef}`);
    return { group, refs: tree.descendants(ref) };
  }

  /**
   * The refs of the systems that are part of a domain, as the caller sees them: a domain's
   * services are those of its systems.
   */
  async systemsOfDomain(
    domainRef: string,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'System', 'relations.partOf': domainRef },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    return new Set(items.map(refOf));
  }

  /** The groups the caller can see, with their hierarchy. */
  async groupTree(credentials: BackstageCredentials): Promise<GroupTree> {
    return groupTreeOf(await this.groups(credentials));
  }

  /** The groups the caller can see, with the fields their hierarchy and titles need. */
  async groups(credentials: BackstageCredentials): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.parent',
          'spec.type',
          'relations',
        ],
      },
      { credentials },
    );
    return items;
  }
}

/** The hierarchy of `groups`, as `CatalogAccess.groups` lists them. */
export function groupTreeOf(groups: readonly Entity[]): GroupTree {
  const byRef = new Map(groups.map(g => [refOf(g), g]));
  const children = new Map<string, string[]>();
  for (const g of groups) {
    const parent = parentOf(g);
    if (!parent) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(refOf(g));
    else children.set(parent, [refOf(g)]);
  }
  return {
    get: ref => byRef.get(ref),
    descendants(ref) {
      const refs = new Set<string>([ref]);
      const queue = [ref];
      while (queue.length) {
        for (const child of children.get(queue.shift()!) ?? []) {
          if (refs.has(child)) continue; // a cycle in the org data must not loop forever
          refs.add(child);
          queue.push(child);
        }
      }
      return refs;
    },
  };
}

/** Groups by ref, and the refs of a group and all groups below it. */
export interface GroupTree {
  get(ref: string): Entity | undefined;
  descendants(ref: string): Set<string>;
}

function parentOf(group: Entity): string | undefined {
  const relation = group.relations?.find(r => r.type === RELATION_CHILD_OF);
  if (relation) return lowerCaseEnUs(relation.targetRef);
  const parent = group.spec?.parent;
  if (typeof parent !== 'string' || !parent) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(parent, {
        defaultKind: 'group',
        defaultNamespace: group.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** Accepts `group:ns/name`, `ns/name` or `name`; anything else is bad input. */
export function normaliseGroupRef(value: string): string {
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(`${value} is not a group`);
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${value} is not a valid group reference`);
  }
}
