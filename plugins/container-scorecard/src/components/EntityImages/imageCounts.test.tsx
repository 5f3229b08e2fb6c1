import { screen } from '@testing-library/react';
import { historyOf, ruleCatalogue } from '../../__testUtils__/fixtures';
import {
  checkoutImages,
  scorecardWithImages,
} from '../../__testUtils__/imageFixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardCard } from '../EntityContainerScorecardCard';
import { EntityContainerScorecardContent } from '../EntityContainerScorecardContent';

// checkout-api: 1 high and 1 medium in its Dockerfile; its inspected image adds 1 high, 2 medium
// and 3 low, which the backend folds into the entity's counts.
const api = fakeApi({
  getEntityScorecard: async () => scorecardWithImages(checkoutImages()),
  getEntityHistory: async () => historyOf('component:default/checkout-api'),
  getRules: async () => ruleCatalogue,
});

describe('image findings in the entity counts', () => {
  it('the summary line tells the files apart from the images', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api,
      entity: checkoutApiEntity,
    });
    expect(await screen.findByTestId('remediation-summary')).toHaveTextContent(
      '72/100 C · 2 open findings in 1 file (1 high, 1 medium) and 6 in 1 image (1 high, 2 medium, 3 low) · 1 with an automatic fix',
    );
    expect(screen.getByTestId('image-counts-note')).toHaveTextContent(
      "Including 6 image findings; the score is the container definitions' alone.",
    );
  });

  it('the overview card counts them and names the images', async () => {
    await renderWithApi(<EntityContainerScorecardCard />, {
      api,
      entity: checkoutApiEntity,
    });
    const counts = await screen.findByRole('list', {
      name: 'Open findings by severity',
    });
    expect(counts).toHaveTextContent('2 high');
    expect(counts).toHaveTextContent('3 medium');
    expect(counts).toHaveTextContent('3 low');
    expect(screen.getByTestId('image-counts-note')).toHaveTextContent(
      'Including 6 image findings',
    );
    expect(
      screen.getByText(/^1 container definition · 2 images · analysed/),
    ).toBeInTheDocument();
  });

  it('without images the summary reads as before', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        getEntityScorecard: async () => scorecardWithImages(undefined),
        getEntityHistory: async () =>
          historyOf('component:default/checkout-api'),
        getRules: async () => ruleCatalogue,
      }),
      entity: checkoutApiEntity,
    });
    expect(await screen.findByTestId('remediation-summary')).toHaveTextContent(
      /^72\/100 C · 2 open findings in 1 file \(1 high, 1 medium\) · 1 with an automatic fix$/,
    );
    expect(screen.queryByTestId('image-counts-note')).not.toBeInTheDocument();
  });
});
