import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The demo catalog of the repository (read-only). */
export const EXAMPLES_DIR = resolve(__dirname, '../../../../examples');

/**
 * The demo catalog as the catalog would serve it after ingestion: components with their
 * managed-by-location (the catalog file) and ownedBy relations, groups with childOf relations.
 */
export function loadDemoCatalog(): Entity[] {
  const components = readdirSync(join(EXAMPLES_DIR, 'repos')).map(repo => {
    const file = join(EXAMPLES_DIR, 'repos', repo, 'catalog-info.yaml');
    const entity = parseAllDocuments(
      readFileSync(file, 'utf8'),
    )[0].toJS() as Entity;
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      'backstage.io/managed-by-location': `file:${file}`,
    };
    entity.relations = [
      {
        type: RELATION_OWNED_BY,
        targetRef: `group:default/${entity.spec!.owner}`,
      },
      ...(entity.spec?.system
        ? [
            {
              type: RELATION_PART_OF,
              targetRef: `system:default/${entity.spec.system}`,
            },
          ]
        : []),
    ];
    return entity;
  });
  // Systems (part of their domain, when they name one) and Domains, for the roll-ups.
  const catalogEntities = parseAllDocuments(
    readFileSync(join(EXAMPLES_DIR, 'entities.yaml'), 'utf8'),
  ).map(doc => doc.toJS() as Entity);
  const domains = catalogEntities.filter(entity => entity?.kind === 'Domain');
  const systems = catalogEntities
    .filter(entity => entity?.kind === 'System')
    .map(system => ({
      ...system,
      relations: system.spec?.domain
        ? [
            {
              type: RELATION_PART_OF,
              targetRef: `domain:default/${system.spec.domain}`,
            },
          ]
        : [],
    }));
  const groups = parseAllDocuments(
    readFileSync(join(EXAMPLES_DIR, 'org.yaml'), 'utf8'),
  )
    .map(doc => doc.toJS() as Entity)
    .filter(entity => entity?.kind === 'Group')
    .map(group => ({
      ...group,
      relations: group.spec?.parent
        ? [
            {
              type: RELATION_CHILD_OF,
              targetRef: `group:default/${group.spec.parent}`,
            },
          ]
        : [],
    }));
  return [...components, ...groups, ...systems, ...domains];
}

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/**
 * An in-memory catalog that hides entities from some users, as a catalog permission policy
 * would: `hidden(user, entity)` returning true removes the entity from every answer.
 */
export function catalogWithVisibility(
  entities: Entity[],
  hidden: (userRef: string, entity: Entity) => boolean,
) {
  const inner = catalogServiceMock({ entities });
  const visible = (e: Entity | undefined, options: unknown) => {
    const { credentials } = options as { credentials: BackstageCredentials };
    const user = userOf(credentials);
    return e && !(user && hidden(user, e)) ? e : undefined;
  };
  return catalogServiceMock.mock({
    // Field selection is an optimisation the real catalog applies; whole entities are fine here.
    getEntities: async (request, options) => {
      const { items } = await inner.getEntities(
        { ...request, fields: undefined },
        options,
      );
      return { items: items.filter(e => visible(e, options)) };
    },
    getEntityByRef: async (ref, options) =>
      visible(await inner.getEntityByRef(ref, options), options),
    getEntitiesByRefs: async (request, options) => {
      const { items } = await inner.getEntitiesByRefs(
        { ...request, fields: undefined },
        options,
      );
      return { items: items.map(e => visible(e, options)) };
    },
  });
}
