import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { imageRules } from '@container-scorecard/plugin-container-scorecard-common';
import { ruleCatalogue } from '../../__testUtils__/fixtures';
import { ruleCatalogueWithImageRules } from '../../__testUtils__/imageFixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { RuleCataloguePage } from './RuleCataloguePage';

describe('RuleCataloguePage', () => {
  it('shows every rule by pillar with rationale, examples and equivalents', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue }),
    });
    expect(
      await screen.findByText('Ruleset 1.0.0+abc123, 3 rules'),
    ).toBeInTheDocument();
    const immutable = screen.getByRole('region', {
      name: 'Immutable, reproducible images (1)',
    });
    expect(
      within(immutable).getByText(/An unpinned base image/),
    ).toBeInTheDocument();
    expect(
      within(immutable).getByLabelText('base-image-pinned example after'),
    ).toHaveTextContent('FROM node:20-slim@sha256:0123');
    const equivalents = within(immutable).getByRole('list', {
      name: 'base-image-pinned equivalents',
    });
    expect(equivalents).toHaveTextContent('hadolint: DL3006');
    expect(equivalents).toHaveTextContent('Trivy: DS-0001');
    // Each equivalent links to the peer's own rule page when the metadata knows it.
    expect(
      within(equivalents).getByRole('link', { name: /DL3006/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/hadolint/hadolint/wiki/DL3006',
    );
    expect(
      within(equivalents).queryByRole('link', { name: /DS-0001/ }),
    ).not.toBeInTheDocument();
    expect(
      within(immutable).getByText(/hadolint only flags a missing tag/),
    ).toBeInTheDocument();
    expect(within(immutable).getByText('Automatic fix')).toBeInTheDocument();
    expect(
      screen.getByRole('region', {
        name: 'Process lifecycle and operability (2)',
      }),
    ).toBeInTheDocument();
  });

  it('explains how scores are made, with the weights the scoring uses, where findings link to', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue }),
    });
    const section = await screen.findByRole('region', {
      name: 'How scores are made',
    });
    expect(section).toHaveAttribute('id', 'how-scores-are-made');
    expect(section).toHaveTextContent(
      'critical 40, high 20, medium 8, low 3, info 0',
    );
    expect(section).toHaveTextContent(
      '50% the average of its analysed files and 50% its worst file',
    );
    expect(section).toHaveTextContent(
      'A from 90, B from 75, C from 60, D from 40, F from 0',
    );
  });

  it('finds a rule by the id another tool gives it', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue }),
    });
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Search rules' }),
      'DL3025',
    );
    expect(screen.getByText('Exec-form CMD')).toBeInTheDocument();
    expect(screen.queryByText('Base image pinned')).toBeNull();

    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Search rules' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search rules' }),
      'nothing like this',
    );
    expect(
      screen.getByText('No rule matches these filters.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the catalogue cannot be read', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: () => Promise.reject(new Error('rules down')) }),
    });
    expect((await screen.findAllByText(/rules down/)).length).toBeGreaterThan(
      0,
    );
  });
});

describe('RuleCataloguePage: filters, the linked rule and who fails it', () => {
  const getRuleFailures = jest.fn(async (query?: { group?: string }) => ({
    servicesInScope: query?.group ? 2 : 13,
    rules: [
      {
        ruleId: 'base-image-pinned',
        services: query?.group ? 1 : 8,
        findings: 14,
        points: 112.5,
        failing: [
          {
            entityRef: 'component:default/legacy-billing-portal',
            title: 'Legacy Billing Portal',
            findings: 2,
            points: 30,
          },
        ],
      },
    ],
  }));

  it('opens on the linked rule, outlined, with the services failing it in the scope of the link', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({
        getRules: async () => ruleCatalogue,
        getRuleFailures,
      }),
      routeEntries: [
        '/?rule=base-image-pinned&scope=group%3Adefault%2Fpayments#base-image-pinned',
      ],
    });
    const linked = await screen.findByRole('region', {
      name: 'Base image pinned',
    });
    expect(linked).toHaveAttribute('aria-current', 'true');
    expect(
      screen.getByRole('region', { name: 'Exec-form CMD' }),
    ).not.toHaveAttribute('aria-current');
    expect(
      await within(linked).findByText(/Failing in 1 of 2 services in/),
    ).toBeInTheDocument();
    expect(getRuleFailures).toHaveBeenLastCalledWith({
      group: 'group:default/payments',
    });
    expect(
      within(linked).getByRole('link', { name: 'Legacy Billing Portal' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/legacy-billing-portal/container-scorecard',
    );
    expect(
      within(screen.getByRole('region', { name: 'Exec-form CMD' })).getByText(
        /No service fails it in/,
      ),
    ).toBeInTheDocument();
  });

  it('forgives typos and filters by severity and automatic fix', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue, getRuleFailures }),
    });
    await screen.findByText('Ruleset 1.0.0+abc123, 3 rules');
    const titles = () =>
      screen.queryAllByRole('heading', { level: 3 }).map(h => h.textContent);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search rules' }),
      'helth chek',
    );
    expect(titles()).toEqual(['Health check declared']);
    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Search rules' }),
    );

    await userEvent.selectOptions(
      screen.getByLabelText('Severity', { exact: true }),
      'medium',
    );
    expect(titles()).toEqual(['Exec-form CMD']);
    await userEvent.selectOptions(
      screen.getByLabelText('Severity', { exact: true }),
      '',
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'With an automatic fix' }),
    );
    expect(titles()).toEqual(['Base image pinned']);
  });
});

describe('RuleCataloguePage: image rules', () => {
  const noFailures = async () => ({ servicesInScope: 13, rules: [] });

  it('lists the image rules with their kind, severity, why, how to fix and options', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({
        getRules: async () => ruleCatalogueWithImageRules,
        getRuleFailures: noFailures,
      }),
    });
    expect(
      await screen.findByText('Ruleset 1.0.0+abc123, 14 rules'),
    ).toBeInTheDocument();
    const root = screen.getByRole('region', { name: 'Image runs as root' });
    expect(document.getElementById('image-runs-as-root')).toHaveTextContent(
      'Image runs as rootimage-runs-as-root',
    );
    expect(within(root).getByText('High')).toBeInTheDocument();
    expect(within(root).getByText('Image')).toBeInTheDocument();
    expect(within(root).getByText('Least privilege')).toBeInTheDocument();
    expect(within(root).queryByText('Dockerfile')).toBeNull();
    expect(within(root).queryByText('Automatic fix')).toBeNull();
    expect(
      within(root).getByText('The image config runs its process as root.', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      within(root).getByLabelText('image-runs-as-root example after'),
    ).toHaveTextContent('USER 10001');
    expect(
      within(
        screen.getByRole('region', {
          name: 'Image lacks a required platform',
        }),
      ).getByRole('list', { name: 'image-missing-platforms options' }),
    ).toHaveTextContent('requiredPlatforms: none (default). ');
  });

  it('shows the configured value of an option beside its default', async () => {
    const configured = {
      ...ruleCatalogueWithImageRules,
      rules: ruleCatalogueWithImageRules.rules.map(rule =>
        rule.id === 'image-too-old'
          ? {
              ...rule,
              options: rule.options!.map(option => ({ ...option, value: 60 })),
            }
          : rule,
      ),
    };
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({
        getRules: async () => configured,
        getRuleFailures: noFailures,
      }),
    });
    expect(
      await screen.findByRole('list', { name: 'image-too-old options' }),
    ).toHaveTextContent(
      'maxAgeDays: 60 (configured; default 90). Images created more than this many days ago are flagged.',
    );
  });

  it('filters the catalogue by what rules check: images or a kind of definition', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({
        getRules: async () => ruleCatalogueWithImageRules,
        getRuleFailures: noFailures,
      }),
    });
    await screen.findByText('Ruleset 1.0.0+abc123, 14 rules');
    const ids = () =>
      screen
        .queryAllByRole('heading', { level: 3 })
        .map(h => h.id.replace(/^rule-/, ''))
        .sort();
    const checks = screen.getByLabelText('Checks', { exact: true });

    await userEvent.selectOptions(checks, 'Images');
    expect(ids()).toEqual(imageRules.map(rule => rule.id).sort());

    await userEvent.selectOptions(checks, 'Compose files');
    expect(ids()).toEqual(['no-healthcheck']);

    await userEvent.selectOptions(checks, 'Definitions and images');
    expect(ids()).toHaveLength(14);
  });

  it('lists the services whose images fail an image rule, with the images and no points', async () => {
    const rules = ruleCatalogueWithImageRules.rules.map(rule =>
      rule.id === 'image-not-signed' ? { ...rule, enabled: false } : rule,
    );
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({
        getRules: async () => ({ ...ruleCatalogueWithImageRules, rules }),
        getRuleFailures: async () => ({
          servicesInScope: 13,
          rules: [
            {
              ruleId: 'image-runs-as-root',
              services: 2,
              findings: 3,
              points: 0,
              failing: [
                {
                  entityRef: 'component:default/legacy-billing-portal',
                  title: 'Legacy Billing Portal',
                  findings: 2,
                  points: 0,
                  images: [
                    'registry.test/billing:2017',
                    'registry.test/cron:1',
                  ],
                },
                {
                  entityRef: 'component:default/checkout-api',
                  findings: 1,
                  points: 0,
                  images: ['registry.test/checkout:1.4'],
                },
              ],
            },
          ],
        }),
      }),
    });
    const root = await screen.findByRole('region', {
      name: 'Image runs as root',
    });
    expect(
      await within(root).findByText(
        'Failing in 2 of 13 services in the organisation',
      ),
    ).toBeInTheDocument();
    expect(root).toHaveTextContent(
      '3 findings · no points lost (image findings do not change scores)',
    );
    const items = within(
      within(root).getByRole('list', {
        name: 'Services failing image-runs-as-root',
      }),
    ).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Legacy Billing Portal in registry.test/billing:2017, registry.test/cron:1',
      'checkout-api in registry.test/checkout:1.4',
    ]);
    expect(root).not.toHaveTextContent('−');
    // An enabled image rule nobody fails: counted, so the claim holds.
    expect(
      within(screen.getByRole('region', { name: 'Image is old' })).getByText(
        'No service fails it in the organisation.',
      ),
    ).toBeInTheDocument();
    // A disabled one checks no image: no claim either way.
    const unsigned = screen.getByRole('region', {
      name: 'Image is not signed',
    });
    expect(
      within(unsigned).getByText(
        'No image is checked against this rule while it is disabled.',
      ),
    ).toBeInTheDocument();
    expect(within(unsigned).queryByText(/No service fails it/)).toBeNull();
  });

  it('opens on a linked image rule, outlined', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({
        getRules: async () => ruleCatalogueWithImageRules,
        getRuleFailures: noFailures,
      }),
      routeEntries: ['/?rule=image-runs-as-root#image-runs-as-root'],
    });
    const linked = await screen.findByRole('region', {
      name: 'Image runs as root',
    });
    expect(linked).toHaveAttribute('aria-current', 'true');
    expect(linked.closest('[id="image-runs-as-root"]')).not.toBeNull();
    expect(
      screen.getByRole('region', { name: 'Image is old' }),
    ).not.toHaveAttribute('aria-current');
  });
});
