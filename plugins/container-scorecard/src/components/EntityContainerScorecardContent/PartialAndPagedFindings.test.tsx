import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ApiFinding,
  EntityScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  analysedScorecard,
  historyOf,
  ruleCatalogue,
} from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from './EntityContainerScorecardContent';

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

function lowFinding(n: number): ApiFinding {
  return {
    ruleId: 'compose-healthcheck',
    pillar: 'lifecycle',
    severity: 'low',
    message: `Service svc${n} has no health check.`,
    path: 'compose.yaml',
    range: { start: { line: n, column: 3 }, end: { line: n, column: 9 } },
    snippet: `svc${n}:`,
  };
}

// Rendering findings in jsdom is slow: a small first page keeps the test quick while still
// needing two further pages, the second one short.
jest.setTimeout(30_000);

const TOTAL = 115;
const FIRST_PAGE = 10;
const allFindings = Array.from({ length: TOTAL }, (_, i) => lowFinding(i + 1));

const bigScorecard: EntityScorecard = {
  ...analysedScorecard,
  partial: [
    {
      limit: 'repository-files',
      message: 'Only the first 20000 entries of the repository were looked at.',
      omitted: 512,
    },
  ],
  files: [
    {
      path: 'compose.yaml',
      kind: 'compose',
      status: 'analysed',
      score: 40,
      grade: 'F',
      counts: { ...zero, low: TOTAL },
      findings: allFindings.slice(0, FIRST_PAGE),
      findingsTotal: TOTAL,
      partial: [
        {
          limit: 'yaml-documents',
          message: 'YAML documents after the first 1000 were not analysed.',
          omitted: 7,
        },
      ],
    },
    {
      path: 'Dockerfile.empty',
      kind: 'dockerfile',
      status: 'could-not-analyse',
      error: 'not-a-definition: no Dockerfile instruction in this file',
      counts: zero,
      findings: [],
      findingsTotal: 0,
    },
  ],
};

describe('EntityContainerScorecardContent with partial results and many findings', () => {
  it('says what limits left out, for the scan and for a file, and shows file errors', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        getEntityScorecard: async () => bigScorecard,
        getEntityHistory: async () =>
          historyOf('component:default/checkout-api'),
        getRules: async () => ruleCatalogue,
      }),
      entity: checkoutApiEntity,
    });

    expect(
      await screen.findByText(
        /Partial: This scan reached a limit\. Only the first 20000 entries/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Partial: This file reached a limit\. YAML documents after the first 1000/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Could not analyse this file: not-a-definition/),
    ).toBeInTheDocument();
  });

  it('loads further pages of findings when asked, until all are shown', async () => {
    const getFileFindings = jest.fn(
      async (
        _entity: unknown,
        path: string,
        page: { offset: number; limit?: number },
      ) => ({
        entityRef: 'component:default/checkout-api',
        path,
        total: TOTAL,
        offset: page.offset,
        limit: page.limit ?? 100,
        items: allFindings.slice(
          page.offset,
          page.offset + (page.limit ?? 100),
        ),
      }),
    );
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        getEntityScorecard: async () => bigScorecard,
        getEntityHistory: async () =>
          historyOf('component:default/checkout-api'),
        getRules: async () => ruleCatalogue,
        getFileFindings,
      }),
      entity: checkoutApiEntity,
    });

    expect(
      await screen.findByText('Showing 10 of 115 findings.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Service svc11 has no health check.')).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show 100 more findings' }),
    );
    expect(
      await screen.findByText('Service svc11 has no health check.'),
    ).toBeInTheDocument();
    expect(getFileFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'checkout-api', kind: 'Component' }),
      'compose.yaml',
      { offset: 10, limit: 100 },
    );
    expect(
      screen.getByText('Showing 110 of 115 findings.'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show 5 more findings' }),
    );
    expect(
      await screen.findByText('Service svc115 has no health check.'),
    ).toBeInTheDocument();
    expect(getFileFindings).toHaveBeenLastCalledWith(
      expect.anything(),
      'compose.yaml',
      { offset: 110, limit: 100 },
    );
    await waitFor(() =>
      expect(screen.queryByText(/Showing .* of 115 findings/)).toBeNull(),
    );
    expect(screen.queryByRole('button', { name: /more findings/ })).toBeNull();
    expect(getFileFindings).toHaveBeenCalledTimes(2);
  });

  it('says so when a further page cannot be loaded, and lets the reader try again', async () => {
    const getFileFindings = jest
      .fn()
      .mockRejectedValueOnce(new Error('Service Unavailable'));
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        getEntityScorecard: async () => bigScorecard,
        getEntityHistory: async () =>
          historyOf('component:default/checkout-api'),
        getRules: async () => ruleCatalogue,
        getFileFindings,
      }),
      entity: checkoutApiEntity,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Show 100 more findings' }),
    );
    expect(
      await screen.findByText(
        'Could not load more findings: Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Show 100 more findings' }),
    ).toBeEnabled();
  });
});
