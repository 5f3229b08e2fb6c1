import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { ScopeFilter } from '../readScorecardOptions';

/** The parts of an entity the scanner and the reports need; nothing more is fetched. */
export const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.type',
  'relations',
];

/** What reports need of an entity: no annotations, which can be large. */
export const REPORT_FIELDS = ENTITY_FIELDS.filter(
  field => field !== 'metadata.annotations',
);

/**
 * The entities in scope as `credentials` see them: the plugin's own credentials for scanning, a
 * user's for reports (so the catalog's permission rules decide what the user sees).
 */
export async function listEntitiesInScope(
  catalog: CatalogService,
  filter: ScopeFilter,
  credentials: BackstageCredentials,
  fields: string[] = ENTITY_FIELDS,
): Promise<Entity[]> {
  const { items } = await catalog.getEntities(
    { filter, fields },
    { credentials },
  );
  return items;
}

/** The entity's owner as a full ref (`group:default/checkout`), from relations or spec. */
export function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) return relation.targetRef;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Lower-cases text as the catalog does (`toLocaleLowerCase('en-US')`). English has no
 * language-specific case rules, so the plain Unicode mapping gives the same result without a
 * locale lookup on every call: that lookup cost ~3 µs, tens of milliseconds per report over
 * 10,000 entities.
 */
export function lowerCaseEnUs(value: string): string {
  return value.toLowerCase();
}

/** `component:default/name`, lower-cased as the catalog compares refs. */
export function refOf(entity: Entity): string {
  return lowerCaseEnUs(stringifyEntityRef(entity));
}
