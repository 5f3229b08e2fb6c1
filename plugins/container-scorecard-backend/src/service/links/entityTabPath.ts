import { parseEntityRef } from '@backstage/catalog-model';

/** The tab the frontend mounts the remediation view at on entity pages (`ENTITY_TAB_PATH`). */
const TAB = 'container-scorecard';

/**
 * The app path of an entity's Container Scorecard tab (its remediation view), as the catalog
 * mounts entity pages by default. Relative, so the notifications frontend and AI assistants'
 * users open it on whatever host the portal runs on.
 */
export function entityTabPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const segments = [namespace, kind.toLocaleLowerCase('en-US'), name].map(
    encodeURIComponent,
  );
  return `/catalog/${segments.join('/')}/${TAB}`;
}
