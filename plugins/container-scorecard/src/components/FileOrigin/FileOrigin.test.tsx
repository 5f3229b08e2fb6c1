import { screen, within } from '@testing-library/react';
import type {
  ApiFinding,
  EntityScorecard,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { legacyScorecard, ruleCatalogue } from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from '../EntityContainerScorecardContent';

// The whole entity page renders: slow on a busy machine.
jest.setTimeout(30_000);

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const range = (line: number) => ({
  start: { line, column: 1 },
  end: { line, column: 20 },
});
const REPO = 'https://github.example/acme/portal/blob/main';
const DEPLOY = 'https://github.example/northwind/deploy';

/** A finding whose value comes from a Helm values file: it points at the values key. */
const privileged: ApiFinding = {
  ruleId: 'k8s-privileged-container',
  pillar: 'least-privilege',
  severity: 'critical',
  message: 'Container "portal" runs privileged',
  path: 'chart/values-prod.yaml',
  range: range(19),
  snippet: '  privileged: true',
  penalty: 40,
  url: `${REPO}/chart/values-prod.yaml#L19`,
  renderedFrom: {
    renderer: 'helm',
    path: 'chart/templates/deployment.yaml',
    range: range(27),
    renderedSnippet: 'privileged: true',
    valuesPath: 'chart/values-prod.yaml',
    valuesKey: 'securityContext.privileged',
  },
};

const helmFile: FileScorecard = {
  path: 'chart/templates/deployment.yaml',
  kind: 'kubernetes',
  status: 'analysed',
  score: 60,
  grade: 'D',
  counts: { ...zero, critical: 1 },
  findingsTotal: 1,
  findings: [privileged],
  url: `${REPO}/chart/templates/deployment.yaml`,
  rendering: {
    renderer: 'helm',
    unit: 'chart',
    valuesFiles: ['chart/values.yaml', 'chart/values-prod.yaml'],
    notes: [
      'The subchart redis is not vendored in charts/: it was not rendered.',
    ],
  },
};

/** A workload built by kustomize from an overlay of an extra source (a GitOps repository). */
const limits: ApiFinding = {
  ruleId: 'k8s-missing-resource-limits',
  pillar: 'lifecycle',
  severity: 'medium',
  message: 'Container "router" of Deployment "router" has no memory limit',
  path: '@northwind-deploy/base/deployment.yaml',
  range: range(9),
  snippet: '        - name: router',
  penalty: 8,
  url: `${DEPLOY}/blob/main/base/deployment.yaml#L9`,
  renderedFrom: {
    renderer: 'kustomize',
    path: '@northwind-deploy/base/deployment.yaml',
    range: range(9),
    renderedSnippet: '- name: router',
  },
};

const kustomizeFile: FileScorecard = {
  path: '@northwind-deploy/overlays/prod/kustomization.yaml',
  kind: 'kubernetes',
  status: 'analysed',
  score: 92,
  grade: 'A',
  counts: { ...zero, medium: 1 },
  findingsTotal: 1,
  findings: [limits],
  url: `${DEPLOY}/blob/main/overlays/prod/kustomization.yaml`,
  rendering: { renderer: 'kustomize', unit: '@northwind-deploy/overlays/prod' },
  source: { label: 'northwind-deploy', location: `${DEPLOY}/tree/main/` },
};

const scorecard: EntityScorecard = {
  ...legacyScorecard,
  nextGrade: undefined,
  counts: { ...zero, critical: 1, medium: 1 },
  files: [helmFile, kustomizeFile],
};

async function render() {
  await renderWithApi(<EntityContainerScorecardContent />, {
    api: fakeApi({
      getEntityScorecard: async () => scorecard,
      getRules: async () => ruleCatalogue,
    }),
    entity: checkoutApiEntity,
    routeEntries: ['/'],
  });
}

/** An external link's name, which ends by saying it opens in a new window. */
const linkNamed = (name: string) =>
  new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);

describe('where the files and findings of rendered sources come from', () => {
  it('says which chart and values files rendered a Helm template, and points a value at its key', async () => {
    await render();
    const section = await screen.findByRole('region', {
      name: `Findings in ${helmFile.path}`,
    });
    expect(within(section).getByTestId('file-origin').textContent).toBe(
      'Rendered by Helm from the chart chart, with the values of chart/values.yaml and chart/values-prod.yaml.' +
        'The subchart redis is not vendored in charts/: it was not rendered.',
    );
    const finding = within(section).getByRole('article', {
      name: /runs privileged/,
    });
    const link = within(finding).getByRole('link', {
      name: linkNamed(
        'Open chart/values-prod.yaml: securityContext.privileged in source control',
      ),
    });
    expect(link.getAttribute('href')).toBe(
      `${REPO}/chart/values-prod.yaml#L19`,
    );
    expect(within(finding).getByTestId('rendered-from').textContent).toBe(
      'The value is written into the template at chart/templates/deployment.yaml:27',
    );
  });

  it('says which overlay built a Kustomize workload, and which source it came from', async () => {
    await render();
    const section = await screen.findByRole('region', {
      name: `Findings in ${kustomizeFile.path}`,
    });
    const origin = within(section).getByTestId('file-origin');
    // An external link also says it opens in a new window.
    expect(origin.textContent).toMatch(
      /^From northwind-deploy.*Built by kustomize from overlays\/prod\.$/,
    );
    expect(
      within(origin)
        .getByRole('link', { name: linkNamed('The source northwind-deploy') })
        .getAttribute('href'),
    ).toBe(`${DEPLOY}/tree/main/`);
    // The card's title is the path in that source, linked to the file.
    expect(
      screen
        .getByRole('link', {
          name: linkNamed('overlays/prod/kustomization.yaml in source control'),
        })
        .getAttribute('href'),
    ).toBe(kustomizeFile.url);
    const finding = within(section).getByRole('article', {
      name: /no memory limit/,
    });
    expect(
      within(finding)
        .getByRole('link', {
          name: linkNamed('Open base/deployment.yaml:9 in source control'),
        })
        .getAttribute('href'),
    ).toBe(`${DEPLOY}/blob/main/base/deployment.yaml#L9`);
    expect(within(finding).getByTestId('rendered-from').textContent).toBe(
      'In the workload built by kustomize from overlays/prod',
    );
  });
});
