import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  RuleCatalogue,
  RuleMetadata,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { CatalogAccess } from '../access/CatalogAccess';

/** What the actions read from: the same store, catalog access and rules as the REST API. */
export interface ScorecardActionDeps {
  access: CatalogAccess;
  store: ScorecardStore;
  ruleCatalogue: RuleCatalogue;
  rules: ReadonlyMap<string, RuleMetadata>;
  /** Image inspection (`containerScorecard.images`): answers carry images only when on. */
  images?: { readonly enabled: boolean };
  now: () => Date;
}

/**
 * The ref of an entity the caller can see, lower-cased as the store keys it. A hidden entity
 * fails exactly as a missing one (`NotFoundError`), as the REST API's 404 does.
 */
export async function visibleEntityRef(
  access: CatalogAccess,
  input: string,
  credentials: BackstageCredentials,
): Promise<string> {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(input.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`${input} is not a valid entity reference`);
  }
  const entity = await access.requireEntity(ref, credentials);
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
