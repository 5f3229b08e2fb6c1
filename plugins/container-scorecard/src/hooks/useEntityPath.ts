import { useCallback } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** The tab path the remediation view and the team tab are mounted at on entity pages. */
export const ENTITY_TAB_PATH = 'container-scorecard';

/**
 * Turns an entity ref into the path of its catalog page, optionally a tab of it. Resolved through
 * the catalog's route ref so it follows wherever the app mounts the catalog.
 */
export function useEntityPath(): (
  entityRef: string | CompoundEntityRef,
  tab?: string,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef, tab) => {
      const path = entityRoute(
        entityRouteParams(entityRef, { encodeParams: true }),
      );
      return tab ? `${path}/${tab}` : path;
    },
    [entityRoute],
  );
}
