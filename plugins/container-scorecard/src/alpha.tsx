import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { containerScorecardApiRef, ContainerScorecardClient } from './api';
import { rootRouteRef } from './routes';

const containerScorecardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: containerScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ContainerScorecardClient(deps),
    }),
});

const containerScorecardPage = PageBlueprint.make({
  params: {
    path: '/container-scorecard',
    title: 'Container Scorecard',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ScorecardOverviewPage').then(m => (
        <m.ScorecardOverviewPage />
      )),
  },
});

/** Container Scorecard for apps on the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'container-scorecard',
  title: 'Container Scorecard',
  icon: <AssessmentIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [containerScorecardApi, containerScorecardPage],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
