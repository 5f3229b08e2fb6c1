import { Route, Routes } from 'react-router-dom';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { historyOf } from '../../__testUtils__/fixtures';
import {
  checkoutImages,
  ruleCatalogueWithImageRules,
  scorecardWithImages,
} from '../../__testUtils__/imageFixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from '../EntityContainerScorecardContent';
import { RuleCataloguePage } from '../RuleCataloguePage';

const ROOT_IMAGE = 'registry.example.com/northwind/checkout-api:1.4';

describe('from an image finding to its rule page', () => {
  it('opens the rule catalogue on the image rule, outlined, with why, how to fix and its options', async () => {
    const scorecard = scorecardWithImages(checkoutImages());
    await renderWithApi(
      <Routes>
        <Route
          path="/container-scorecard/rules"
          element={<RuleCataloguePage />}
        />
        <Route path="*" element={<EntityContainerScorecardContent />} />
      </Routes>,
      {
        api: fakeApi({
          getEntityScorecard: async () => scorecard,
          getEntityHistory: async () => historyOf(scorecard.entityRef),
          getRules: async () => ruleCatalogueWithImageRules,
          getRuleFailures: async () => ({
            servicesInScope: 13,
            rules: [
              {
                ruleId: 'image-too-old',
                services: 1,
                findings: 1,
                points: 0,
                failing: [
                  {
                    entityRef: 'component:default/checkout-api',
                    title: 'Checkout API',
                    findings: 1,
                    points: 0,
                    images: [ROOT_IMAGE],
                  },
                ],
              },
            ],
          }),
        }),
        entity: checkoutApiEntity,
      },
    );
    const findings = await screen.findByRole('region', {
      name: `Findings for the image ${ROOT_IMAGE}`,
    });

    await userEvent.click(
      within(findings).getByRole('link', {
        name: 'Rule image-too-old in the rule catalogue',
      }),
    );

    const rule = await screen.findByRole('region', { name: 'Image is old' });
    expect(rule).toHaveAttribute('aria-current', 'true');
    expect(within(rule).getByText('Image')).toBeInTheDocument();
    expect(within(rule).getByText('Medium')).toBeInTheDocument();
    expect(
      within(rule).getByText(/^Immutable images are patched by rebuilding/),
    ).toBeInTheDocument();
    expect(
      within(rule).getByRole('list', { name: 'image-too-old options' }),
    ).toHaveTextContent(
      'maxAgeDays: 90 (default). Images created more than this many days ago are flagged.',
    );
    // The services whose images fail it, each with the image, and no points: images never
    // change a score.
    expect(
      await within(rule).findByText(
        'Failing in 1 of 13 services in the organisation',
      ),
    ).toBeInTheDocument();
    const failing = within(rule).getByRole('list', {
      name: 'Services failing image-too-old',
    });
    expect(failing).toHaveTextContent(`Checkout API in ${ROOT_IMAGE}`);
    expect(
      within(failing).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/container-scorecard',
    );
    expect(rule).toHaveTextContent(
      '1 finding · no points lost (image findings do not change scores)',
    );
  });
});
