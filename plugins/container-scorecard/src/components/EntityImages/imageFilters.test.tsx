import { screen, within } from '@testing-library/react';
import {
  checkoutImages,
  ruleCatalogueWithImageRules,
  scorecardWithImages,
} from '../../__testUtils__/imageFixtures';
import { historyOf } from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from '../EntityContainerScorecardContent';

const ROOT_IMAGE = 'registry.example.com/northwind/checkout-api:1.4';

/** The entity tab opened at a shared, filtered URL. */
async function openFiltered(route: string) {
  const scorecard = scorecardWithImages(checkoutImages());
  await renderWithApi(<EntityContainerScorecardContent />, {
    api: fakeApi({
      getEntityScorecard: async () => scorecard,
      getEntityHistory: async () => historyOf(scorecard.entityRef),
      getRules: async () => ruleCatalogueWithImageRules,
    }),
    entity: checkoutApiEntity,
    routeEntries: [route],
  });
  await screen.findByRole('heading', { name: 'Overall' });
  return scorecard;
}

function imageFindingTexts() {
  const findings = screen.getByRole('region', {
    name: `Findings for the image ${ROOT_IMAGE}`,
  });
  return within(findings)
    .getAllByTestId('image-finding')
    .map(finding => finding.querySelector('p')?.textContent);
}

describe('the remediation filter and the Images section', () => {
  it('applies the severity filter to image findings as to files', async () => {
    await openFiltered('/?severity=high');

    expect(imageFindingTexts()).toEqual([
      'The image config sets no User, so its process runs as root.',
    ]);
  });

  it('applies the pillar filter to image findings', async () => {
    const scorecard = await openFiltered('/?pillar=immutable');
    const image = scorecard.images!.results[0];
    const expected = image.findings
      .filter(finding =>
        ruleCatalogueWithImageRules.rules.some(
          rule => rule.id === finding.ruleId && rule.pillar === 'immutable',
        ),
      )
      .map(finding => finding.message);

    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(image.findings.length);
    expect([...imageFindingTexts()].sort()).toEqual([...expected].sort());
  });

  it('says that none of an image’s findings match rather than calling it clean', async () => {
    await openFiltered('/?severity=critical');

    expect(
      screen.getByText("None of this image's 6 findings match the filter."),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No findings for this image.'),
    ).not.toBeInTheDocument();
  });

  it('leaves the images out when the view is narrowed to one file', async () => {
    await openFiltered('/?file=Dockerfile');

    expect(
      screen.queryByRole('heading', { name: 'Images', level: 2 }),
    ).not.toBeInTheDocument();
  });
});
