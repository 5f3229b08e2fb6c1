import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { historyOf } from '../../__testUtils__/fixtures';
import {
  checkoutImages,
  ruleCatalogueWithImageRules,
  scorecardWithImages,
} from '../../__testUtils__/imageFixtures';
import {
  checkoutApiEntity,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { ContainerScorecardClient } from '../../api';
import { EntityContainerScorecardContent } from '../EntityContainerScorecardContent';

const backend = 'http://backend.test/api/container-scorecard';
const server = setupServer();
registerMswTestHooks(server);

/** The backend's answers as JSON on the wire, read by the real client. */
function serve(scorecard: EntityScorecard) {
  server.use(
    http.get(
      `${backend}/entities/component/default/checkout-api/scorecard`,
      () => HttpResponse.json(scorecard),
    ),
    http.get(`${backend}/entities/component/default/checkout-api/history`, () =>
      HttpResponse.json(historyOf('component:default/checkout-api')),
    ),
    http.get(`${backend}/rules`, () =>
      HttpResponse.json(ruleCatalogueWithImageRules),
    ),
  );
}

const client = () =>
  new ContainerScorecardClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
    fetchApi: new MockFetchApi(),
  });

describe('images from the scorecard route to the entity tab', () => {
  it('shows the images the backend sends', async () => {
    // Through JSON: dates are strings, and nothing but the wire format reaches the page.
    serve(JSON.parse(JSON.stringify(scorecardWithImages(checkoutImages()))));
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: client(),
      entity: checkoutApiEntity,
    });

    const table = await screen.findByRole('table', {
      name: 'Images of this service',
    });
    expect(
      within(table).getByRole('row', {
        name: /^registry\.example\.com\/northwind\/checkout-api:1\.4 sha256:4f1c8a2b9d3e/,
      }),
    ).toHaveTextContent('412 days182.4 MB9root (no User set)No');
    expect(
      within(table).getByText(
        'Could not inspect: ghcr.io refused the credentials (401) for northwind/sidecar',
      ),
    ).toBeInTheDocument();
    // The catalogue read over the wire lists the image rules, so their findings link there.
    expect(
      await within(table).findByRole('link', {
        name: 'Rule image-runs-as-root in the rule catalogue',
      }),
    ).toHaveAttribute(
      'href',
      '/container-scorecard/rules?rule=image-runs-as-root#image-runs-as-root',
    );
  });

  it('shows no Images section when the backend sends none (inspection off)', async () => {
    serve(scorecardWithImages(undefined));
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: client(),
      entity: checkoutApiEntity,
    });

    await screen.findByTestId('remediation-summary');
    expect(
      screen.queryByRole('heading', { name: 'Images' }),
    ).not.toBeInTheDocument();
  });
});
