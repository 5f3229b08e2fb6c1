import { createRouteRef } from '@backstage/core-plugin-api';

/** The organisation report, the plugin's landing page. */
export const rootRouteRef = createRouteRef({ id: 'container-scorecard' });

/** The team scorecard page (the team is chosen in the page, kept in `?team=`). */
export const teamsRouteRef = createRouteRef({
  id: 'container-scorecard-teams',
});

/** The rule catalogue page. */
export const rulesRouteRef = createRouteRef({
  id: 'container-scorecard-rules',
});
