import { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ContainerScorecardApi, containerScorecardApiRef } from '../api';
import { rulesRouteRef } from '../routes';

/** A Component entity as the demo catalog holds them. */
export const checkoutApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/checkout' },
};

/** A Group entity as the demo catalog holds them. */
export const checkoutTeamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Two of the demo catalog's groups, for the team and scope pickers. */
export const demoCatalogApi = () =>
  catalogApiMock({
    entities: [
      checkoutTeamEntity,
      {
        ...checkoutTeamEntity,
        metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
      },
    ],
  });

/** An API where every method fails loudly unless the test gives it. */
export function fakeApi(
  methods: Partial<ContainerScorecardApi>,
): ContainerScorecardApi {
  const missing = (name: string) => () =>
    Promise.reject(new Error(`unexpected call to ${name}`));
  return {
    getHealth: missing('getHealth'),
    getEntityScorecard: missing('getEntityScorecard'),
    getEntitySummaries: missing('getEntitySummaries'),
    getFileFindings: missing('getFileFindings'),
    getEntityHistory: missing('getEntityHistory'),
    rescanEntity: missing('rescanEntity'),
    getTeamScorecard: missing('getTeamScorecard'),
    getRollupScorecard: missing('getRollupScorecard'),
    getOrganisationReport: missing('getOrganisationReport'),
    getReportCsv: missing('getReportCsv'),
    getReportFindingsCsv: missing('getReportFindingsCsv'),
    getRuleFailures: missing('getRuleFailures'),
    getRules: missing('getRules'),
    getScanStatus: missing('getScanStatus'),
    ...methods,
  };
}

/**
 * Renders a component the way the app does: inside the test app with our API (and a permission
 * API that allows or denies), inside an entity page when an entity is given.
 */
export function renderWithApi(
  element: ReactElement,
  options: {
    api: ContainerScorecardApi;
    entity?: Entity;
    allowed?: boolean;
    /** The URL the app starts at, e.g. '/?severity=high' for a shared filtered view. */
    routeEntries?: string[];
  },
) {
  const permissions = mockApis.permission({
    authorize:
      options.allowed === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [containerScorecardApiRef, options.api],
        [permissionApiRef, permissions],
        [catalogApiRef, demoCatalogApi()],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      ...(options.routeEntries ? { routeEntries: options.routeEntries } : {}),
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/container-scorecard/rules': rulesRouteRef,
      },
    },
  );
}
