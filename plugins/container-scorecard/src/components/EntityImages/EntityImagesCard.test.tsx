import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  EntityScorecard,
  RuleCatalogue,
} from '@container-scorecard/plugin-container-scorecard-common';
import { historyOf, ruleCatalogue } from '../../__testUtils__/fixtures';
import {
  checkoutImages,
  ROOT_IMAGE_DIGEST,
  ruleCatalogueWithImageRules,
  scorecardWithImages,
} from '../../__testUtils__/imageFixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from '../EntityContainerScorecardContent';
import { IMAGE_RULE_SUMMARIES } from './imageFacts';

const ROOT_IMAGE = 'registry.example.com/northwind/checkout-api:1.4';

/** The entity tab as the user opens it, with the backend answering `scorecard`. */
async function openEntityTab(
  scorecard: EntityScorecard,
  rules: RuleCatalogue = ruleCatalogueWithImageRules,
) {
  await renderWithApi(<EntityContainerScorecardContent />, {
    api: fakeApi({
      getEntityScorecard: async () => scorecard,
      getEntityHistory: async () => historyOf(scorecard.entityRef),
      getRules: async () => rules,
    }),
    entity: checkoutApiEntity,
  });
  // The file card is there once the scorecard has loaded.
  await screen.findByRole('heading', { name: 'Overall' });
}

function imageRow(reference: string) {
  const table = screen.getByRole('table', { name: 'Images of this service' });
  return within(table).getByRole('row', {
    name: new RegExp(`^${reference.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
  });
}

function cellTexts(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);
}

describe('the Images section of the entity tab', () => {
  it('shows one row per image with what its registry says', async () => {
    await openEntityTab(scorecardWithImages(checkoutImages()));

    expect(
      screen.getByRole('heading', { name: 'Images', level: 2 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 image inspected, 1 could not be inspected, 1 not inspected; 6 image findings.',
      ),
    ).toBeInTheDocument();
    const [reference, digest, ...facts] = cellTexts(imageRow(ROOT_IMAGE));
    expect(reference).toBe(ROOT_IMAGE);
    expect(digest).toContain('sha256:4f1c8a2b9d3e');
    expect(digest).not.toContain(ROOT_IMAGE_DIGEST);
    expect(facts.slice(0, 6)).toEqual([
      'linux/amd64, linux/arm64',
      '412 days',
      '182.4 MB',
      '9',
      'root (no User set)',
      'No',
    ]);
    // Root, old, unsigned, no SBOM, no health check, no provenance: a D.
    const score = within(imageRow(ROOT_IMAGE)).getByLabelText(/^grade /);
    expect(facts[6]).toMatch(/^[A-F]\d{1,3}$/);
    expect(facts[6]).toBe(
      `${score.textContent}${checkoutImages().results[0].score}`,
    );
    expect(
      screen.getByText(
        'Used by a Dockerfile (final stage base) and a Kubernetes manifest',
      ),
    ).toBeInTheDocument();
  });

  it('copies the full digest, not the short one shown', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await openEntityTab(scorecardWithImages(checkoutImages()));

    await userEvent.click(
      screen.getByRole('button', { name: `Copy the digest of ${ROOT_IMAGE}` }),
    );
    expect(writeText).toHaveBeenCalledWith(ROOT_IMAGE_DIGEST);
    expect(
      await within(imageRow(ROOT_IMAGE)).findByText('Digest copied'),
    ).toBeInTheDocument();
  });

  it('lists each image finding under its rule, with severity, why and how to fix', async () => {
    await openEntityTab(scorecardWithImages(checkoutImages()));

    const findings = screen.getByRole('region', {
      name: `Findings for the image ${ROOT_IMAGE}`,
    });
    const root = within(findings).getByRole('group', {
      name: 'Image runs as root: 1 finding',
    });
    expect(root).toHaveAttribute('open');
    expect(within(root).getByText('High')).toBeInTheDocument();
    expect(within(root).getByText('image-runs-as-root')).toBeInTheDocument();
    expect(
      within(root).getByText(
        IMAGE_RULE_SUMMARIES.get('image-runs-as-root')!.rationale,
      ),
    ).toBeInTheDocument();
    const occurrence = within(root).getByRole('article', {
      name: `The image config sets no User, so its process runs as root. (${ROOT_IMAGE})`,
    });
    expect(
      within(occurrence).getByLabelText(`Image config of ${ROOT_IMAGE}`),
    ).toHaveTextContent('User: ""');
    expect(within(occurrence).getByLabelText(/^Costs \d/)).toBeInTheDocument();

    const old = within(findings).getByRole('group', {
      name: 'Image is old: 1 finding',
    });
    expect(
      within(old).getByText('The image was built 412 days ago (limit 90).'),
    ).toBeInTheDocument();
    // Worst first, as a file's findings are.
    expect(
      within(findings)
        .getAllByTestId('image-finding')
        .map(finding => finding.querySelector('p')?.textContent),
    ).toEqual([
      'The image config sets no User, so its process runs as root.',
      'No signature is attached to the image.',
      'The image was built 412 days ago (limit 90).',
      'The image lacks org.opencontainers.image.source and org.opencontainers.image.revision.',
      'The image config has no HEALTHCHECK: a hung process looks healthy.',
      'No SBOM or attestation is attached to the image.',
    ]);
  });

  it('links each image finding’s rule id to its entry in the rule catalogue', async () => {
    await openEntityTab(scorecardWithImages(checkoutImages()));

    const findings = screen.getByRole('region', {
      name: `Findings for the image ${ROOT_IMAGE}`,
    });
    const links = within(findings).getAllByRole('link', {
      name: /^Rule image-[a-z-]+ in the rule catalogue$/,
    });
    expect(
      links.map(link => [link.textContent, link.getAttribute('href')]),
    ).toEqual(
      [
        'image-runs-as-root',
        'image-not-signed',
        'image-too-old',
        'image-missing-provenance-labels',
        'image-without-healthcheck',
        'image-without-sbom',
      ].map(id => [id, `/container-scorecard/rules?rule=${id}#${id}`]),
    );
  });

  it('describes image rules without dead links when the catalogue predates them', async () => {
    // A backend from before image rules were served: its catalogue lists file rules only.
    await openEntityTab(scorecardWithImages(checkoutImages()), ruleCatalogue);

    const root = screen.getByRole('group', {
      name: 'Image runs as root: 1 finding',
    });
    expect(within(root).getByText('image-runs-as-root')).toBeInTheDocument();
    expect(within(root).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(root).getByText(
        IMAGE_RULE_SUMMARIES.get('image-runs-as-root')!.rationale,
      ),
    ).toBeInTheDocument();
  });

  it('says why an image could not be inspected and gives it no score', async () => {
    await openEntityTab(scorecardWithImages(checkoutImages()));

    const row = imageRow('ghcr.io/northwind/sidecar:2');
    expect(cellTexts(row)).toEqual([
      'ghcr.io/northwind/sidecar:2',
      'Could not inspect: ghcr.io refused the credentials (401) for northwind/sidecar',
    ]);
    expect(within(row).queryByLabelText(/^grade /)).not.toBeInTheDocument();
    expect(screen.getByText('Used by a Compose file')).toBeInTheDocument();
  });

  it('lists the references it did not inspect, with the reason', async () => {
    await openEntityTab(scorecardWithImages(checkoutImages()));

    expect(
      screen.getByRole('heading', { name: 'Not inspected' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Images not inspected' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['${PROXY_IMAGE}: the reference holds an unresolved variable']);
  });

  it('shows nothing about images when image inspection is off', async () => {
    await openEntityTab(scorecardWithImages(undefined));

    expect(
      screen.queryByRole('heading', { name: 'Images' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Images of this service' }),
    ).not.toBeInTheDocument();
  });

  it('says so when the service names no images', async () => {
    await openEntityTab(
      scorecardWithImages({
        inspectedAt: '2026-11-22T08:00:00Z',
        results: [],
        notInspected: [],
      }),
    );

    expect(
      screen.getByRole('heading', { name: 'Images', level: 2 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "No images to inspect: this service's container definitions and its container-scorecard.io/images annotation name none.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Images of this service' }),
    ).not.toBeInTheDocument();
  });
});
