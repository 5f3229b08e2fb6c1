import { createRouteRef } from '@backstage/core-plugin-api';

/** The plugin's own page. */
export const rootRouteRef = createRouteRef({ id: 'container-scorecard' });
