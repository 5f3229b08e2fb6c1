import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { containerScorecardApiRef, ContainerScorecardClient } from './api';
import { rootRouteRef, rulesRouteRef, teamsRouteRef } from './routes';

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
  routes: { root: rootRouteRef, teams: teamsRouteRef, rules: rulesRouteRef },
});

/** The engineering managers' organisation report; mount it at e.g. `/container-scorecard`. @public */
export const ContainerScorecardPage = containerScorecardPlugin.provide(
  createRoutableExtension({
    name: 'ContainerScorecardPage',
    component: () =>
      import('./components/OrganisationReportPage').then(
        m => m.OrganisationReportPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** The team scorecard page with a team picker. @public */
export const ContainerScorecardTeamsPage = containerScorecardPlugin.provide(
  createRoutableExtension({
    name: 'ContainerScorecardTeamsPage',
    component: () =>
      import('./components/TeamScorecardPage').then(m => m.TeamScorecardPage),
    mountPoint: teamsRouteRef,
  }),
);

/** The rule catalogue page. @public */
export const ContainerScorecardRulesPage = containerScorecardPlugin.provide(
  createRoutableExtension({
    name: 'ContainerScorecardRulesPage',
    component: () =>
      import('./components/RuleCataloguePage').then(m => m.RuleCataloguePage),
    mountPoint: rulesRouteRef,
  }),
);

/** The overview card for Component pages; show it when `isContainerScorecardAvailable`. @public */
export const EntityContainerScorecardCard = containerScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityContainerScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityContainerScorecardCard').then(
          m => m.EntityContainerScorecardCard,
        ),
    },
  }),
);

/** The remediation tab for Component pages. @public */
export const EntityContainerScorecardContent = containerScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityContainerScorecardContent',
    component: {
      lazy: () =>
        import('./components/EntityContainerScorecardContent').then(
          m => m.EntityContainerScorecardContent,
        ),
    },
  }),
);

/** The team scorecard tab for Group pages; show it when `isTeamScorecardAvailable`. @public */
export const EntityTeamContainerScorecardContent =
  containerScorecardPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamContainerScorecardContent',
      component: {
        lazy: () =>
          import('./components/EntityTeamContainerScorecardContent').then(
            m => m.EntityTeamContainerScorecardContent,
          ),
      },
    }),
  );

/**
 * The Group overview card: the team's score over the services it owns. @public
 */
export const EntityTeamContainerScorecardCard =
  containerScorecardPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamContainerScorecardCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamContainerScorecardCard').then(
            m => m.EntityTeamContainerScorecardCard,
          ),
      },
    }),
  );

/**
 * The Container Scorecard tab of a System or Domain: the roll-up of its services. @public
 */
export const EntityRollupContainerScorecardContent =
  containerScorecardPlugin.provide(
    createComponentExtension({
      name: 'EntityRollupContainerScorecardContent',
      component: {
        lazy: () =>
          import('./components/EntityRollupContainerScorecardContent').then(
            m => m.EntityRollupContainerScorecardContent,
          ),
      },
    }),
  );
