import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { ServiceSummary } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { CatalogAccess } from '../access/CatalogAccess';
import { lowerCaseEnUs, ownerOf, refOf } from '../discovery/catalogEntities';
import { toServiceSummary } from './serviceSummaries';

const ZERO = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

/**
 * The summaries of those of `refs` the caller can see in the catalog (a catalog table page):
 * one catalog query and one store query for the whole page. Visible entities without a result
 * are `not-scanned`; hidden or unknown ones are simply absent.
 */
export async function buildEntitySummaries(options: {
  access: CatalogAccess;
  store: ScorecardStore;
  credentials: BackstageCredentials;
  refs: readonly string[];
}): Promise<{ items: ServiceSummary[] }> {
  const refs = [...new Set(options.refs.map(normaliseEntityRef))];
  const entities = await options.access.visibleEntities(
    refs,
    options.credentials,
  );
  const summaries = new Map(
    (await options.store.listSummaries(entities.map(refOf))).map(s => [
      s.entityRef,
      s,
    ]),
  );
  return {
    items: entities.map(entity => {
      const entityRef = refOf(entity);
      const summary = summaries.get(entityRef);
      return toServiceSummary({
        entityRef,
        title: entity.metadata.title || undefined,
        owner: lowerCaseEnUs(ownerOf(entity) ?? ''),
        status: summary?.status ?? 'not-scanned',
        score: summary?.score,
        grade: summary?.grade,
        worstRule: summary?.worstRule,
        counts: summary?.counts ?? { ...ZERO },
      });
    }),
  };
}

/** A full ref (`kind:namespace/name`; the namespace may be left out), lower-cased. */
function normaliseEntityRef(value: string): string {
  try {
    return lowerCaseEnUs(
      stringifyEntityRef(
        parseEntityRef(value, { defaultNamespace: 'default' }),
      ),
    );
  } catch {
    throw new InputError(`${value} is not a valid entity reference`);
  }
}
