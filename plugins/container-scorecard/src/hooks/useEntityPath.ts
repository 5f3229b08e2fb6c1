import { useCallback } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** The tab path the remediation view and the team tab are mounted at on entity pages. */
export const ENTITY_TAB_PATH = 'container-scorecard';

// The catalog mounts entity pages here unless an app says otherwise.
const DEFAULT_ENTITY_PATH = '/catalog/:namespace/:kind/:name';

// useRouteRef throws when the catalog's entity route is not mounted (a dev app, a test without
// the catalog). It has run all of its own hooks by then, so catching keeps the hook order stable.
function useEntityRoute() {
  try {
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * Turns an entity ref into the path of its catalog page, optionally a tab of it. Resolved through
 * the catalog's route ref so it follows wherever the app mounts the catalog.
 */
export function useEntityPath(): (
  entityRef: string | CompoundEntityRef,
  tab?: string,
) => string {
  const entityRoute = useEntityRoute();
  return useCallback(
    (entityRef, tab) => {
      const params = entityRouteParams(entityRef, { encodeParams: true });
      const path = entityRoute
        ? entityRoute(params)
        : DEFAULT_ENTITY_PATH.replace(':namespace', params.namespace)
            .replace(':kind', params.kind)
            .replace(':name', params.name);
      return tab ? `${path}/${tab}` : path;
    },
    [entityRoute],
  );
}
