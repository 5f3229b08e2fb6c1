import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import GroupIcon from '@material-ui/icons/Group';
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import { containerScorecardApiRef, ContainerScorecardClient } from './api';
import {
  isContainerScorecardAvailable,
  isRollupScorecardAvailable,
  isTeamScorecardAvailable,
} from './conditions';
import { ENTITY_TAB_PATH } from './hooks/useEntityPath';
import { rootRouteRef, rulesRouteRef, teamsRouteRef } from './routes';

const containerScorecardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: containerScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ContainerScorecardClient(deps),
    }),
});

// Each page has its own route ref, title and icon, so the app's nav lists all three.
const reportPage = PageBlueprint.make({
  params: {
    path: '/container-scorecard',
    // Short enough for the sidebar, which cuts labels at about 15 characters.
    title: 'Container report',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/OrganisationReportPage').then(m => (
        <m.OrganisationReportPage />
      )),
  },
});

const teamsPage = PageBlueprint.make({
  name: 'teams',
  params: {
    path: '/container-scorecard/teams',
    title: 'Team scores',
    icon: <GroupIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(teamsRouteRef),
    loader: () =>
      import('./components/TeamScorecardPage').then(m => (
        <m.TeamScorecardPage />
      )),
  },
});

const rulesPage = PageBlueprint.make({
  name: 'rules',
  params: {
    path: '/container-scorecard/rules',
    title: 'Container rules',
    icon: <LibraryBooksIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rulesRouteRef),
    loader: () =>
      import('./components/RuleCataloguePage').then(m => (
        <m.RuleCataloguePage />
      )),
  },
});

const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isContainerScorecardAvailable,
    loader: () =>
      import('./components/EntityContainerScorecardCard').then(m => (
        <m.EntityContainerScorecardCard />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Container Scorecard',
    filter: isContainerScorecardAvailable,
    loader: () =>
      import('./components/EntityContainerScorecardContent').then(m => (
        <m.EntityContainerScorecardContent />
      )),
  },
});

const teamEntityCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: isTeamScorecardAvailable,
    loader: () =>
      import('./components/EntityTeamContainerScorecardCard').then(m => (
        <m.EntityTeamContainerScorecardCard />
      )),
  },
});

const teamEntityContent = EntityContentBlueprint.make({
  name: 'team',
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Container Scorecard',
    filter: isTeamScorecardAvailable,
    loader: () =>
      import('./components/EntityTeamContainerScorecardContent').then(m => (
        <m.EntityTeamContainerScorecardContent />
      )),
  },
});

const rollupEntityContent = EntityContentBlueprint.make({
  name: 'rollup',
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Container Scorecard',
    filter: isRollupScorecardAvailable,
    loader: () =>
      import('./components/EntityRollupContainerScorecardContent').then(m => (
        <m.EntityRollupContainerScorecardContent />
      )),
  },
});

/**
 * The catalog table column. The catalog page of the new frontend system (Backstage 1.55) takes
 * filters and export settings as extension inputs but no columns, so there is no column
 * extension to install: an app adds this column where it renders the catalog table itself
 * (see docs/integrations.md).
 *
 * @alpha
 */
export { createScorecardGradeColumn } from './components/ScorecardGradeColumn';

/** Container Scorecard for apps on the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'container-scorecard',
  title: 'Container Scorecard',
  icon: <AssessmentIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    containerScorecardApi,
    reportPage,
    teamsPage,
    rulesPage,
    entityCard,
    entityContent,
    teamEntityCard,
    teamEntityContent,
    rollupEntityContent,
  ],
  // No `root`: a page's header title links to the plugin's root route when there is one, which
  // sent the team and rule pages' titles to the report. Each page's own route ref is its title's
  // link instead.
  routes: {
    report: convertLegacyRouteRef(rootRouteRef),
    teams: convertLegacyRouteRef(teamsRouteRef),
    rules: convertLegacyRouteRef(rulesRouteRef),
  },
});
