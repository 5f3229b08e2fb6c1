import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { containerScorecardApiRef, ContainerScorecardClient } from './api';
import { rootRouteRef } from './routes';

/** Container Scorecard for apps on the legacy frontend system. @public */
export const containerScorecardPlugin = createPlugin({
  id: 'container-scorecard',
  apis: [
    createApiFactory({
      api: containerScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ContainerScorecardClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The plugin's landing page. @public */
export const ContainerScorecardPage = containerScorecardPlugin.provide(
  createRoutableExtension({
    name: 'ContainerScorecardPage',
    component: () =>
      import('./components/ScorecardOverviewPage').then(
        m => m.ScorecardOverviewPage,
      ),
    mountPoint: rootRouteRef,
  }),
);
