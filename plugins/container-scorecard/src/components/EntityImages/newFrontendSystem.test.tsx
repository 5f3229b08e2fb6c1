import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, within } from '@testing-library/react';
import { historyOf, ruleCatalogue } from '../../__testUtils__/fixtures';
import {
  checkoutImages,
  scorecardWithImages,
} from '../../__testUtils__/imageFixtures';
import { checkoutApiEntity, fakeApi } from '../../__testUtils__/renderWithApi';
import { containerScorecardApiRef } from '../../api';
import containerScorecardPlugin from '../../alpha';

describe('the entity tab of the new frontend system', () => {
  it('shows the Images section through the existing entity content extension', async () => {
    const content = containerScorecardPlugin.getExtension(
      'entity-content:container-scorecard',
    );
    renderInTestApp(
      <EntityProvider entity={checkoutApiEntity}>
        {createExtensionTester(content).reactElement()}
      </EntityProvider>,
      {
        apis: [
          [
            containerScorecardApiRef,
            fakeApi({
              getEntityScorecard: async () =>
                scorecardWithImages(checkoutImages()),
              getEntityHistory: async () =>
                historyOf('component:default/checkout-api'),
              getRules: async () => ruleCatalogue,
            }),
          ],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
          ],
        ],
      },
    );

    const table = await screen.findByRole('table', {
      name: 'Images of this service',
    });
    expect(
      within(table).getByText(
        'Could not inspect: ghcr.io refused the credentials (401) for northwind/sidecar',
      ),
    ).toBeInTheDocument();
    expect(within(table).getByText('412 days')).toBeInTheDocument();
  });
});
