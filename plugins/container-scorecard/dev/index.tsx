import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Content } from '@backstage/core-components';
import {
  analysedScorecard,
  historyOf,
  organisationReport,
  ruleCatalogue,
  teamScorecard,
} from '../src/__testUtils__/fixtures';
import {
  checkoutApiEntity,
  checkoutTeamEntity,
  fakeApi,
} from '../src/__testUtils__/renderWithApi';
import { containerScorecardApiRef } from '../src/api';
import { EntityContainerScorecardCard } from '../src/components/EntityContainerScorecardCard';
import { EntityContainerScorecardContent } from '../src/components/EntityContainerScorecardContent';
import { EntityTeamContainerScorecardContent } from '../src/components/EntityTeamContainerScorecardContent';
import { OrganisationReportPage } from '../src/components/OrganisationReportPage';
import { RuleCataloguePage } from '../src/components/RuleCataloguePage';
import { containerScorecardPlugin } from '../src/plugin';

/*
 * Standalone development of the frontend without a backend: `npm start` in this package serves
 * every view against the fixtures the component tests use (a few hundred services for the team).
 */
const api = fakeApi({
  getHealth: async () => ({ status: 'ok', database: 'ok' }),
  getScanStatus: async () => ({ running: false }),
  getEntityScorecard: async () => analysedScorecard,
  getEntityHistory: async ref => historyOf(`component:default/${ref.name}`),
  rescanEntity: async () => analysedScorecard,
  getTeamScorecard: async (_team, query = {}) =>
    teamScorecard({ total: 300, offset: query.offset, limit: query.limit }),
  getRollupScorecard: async (_kind, _entity, query = {}) =>
    teamScorecard({ total: 12, offset: query.offset, limit: query.limit }),
  getOrganisationReport: async () => organisationReport,
  getReportCsv: async () => 'entity_ref,score\ncomponent:default/a,90\n',
  getReportFindingsCsv: async () =>
    'entity_ref,rule_id\ncomponent:default/a,x\n',
  getRules: async () => ruleCatalogue,
  getRuleFailures: async () => ({ servicesInScope: 0, rules: [] }),
});

createDevApp()
  .registerPlugin(containerScorecardPlugin)
  .registerApi({
    api: containerScorecardApiRef,
    deps: {},
    factory: () => api,
  })
  .addPage({
    path: '/container-scorecard',
    title: 'Report',
    element: <OrganisationReportPage />,
  })
  .addPage({
    path: '/container-scorecard/rules',
    title: 'Rules',
    element: <RuleCataloguePage />,
  })
  .addPage({
    path: '/entity',
    title: 'Entity',
    element: (
      <EntityProvider entity={checkoutApiEntity}>
        <Content>
          <EntityContainerScorecardCard />
        </Content>
        <EntityContainerScorecardContent />
      </EntityProvider>
    ),
  })
  .addPage({
    path: '/team',
    title: 'Team',
    element: (
      <EntityProvider entity={checkoutTeamEntity}>
        <EntityTeamContainerScorecardContent />
      </EntityProvider>
    ),
  })
  .render();
