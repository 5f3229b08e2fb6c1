import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  analysedScorecard,
  couldNotAnalyseScorecard,
  historyOf,
  ruleCatalogue,
} from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from './EntityContainerScorecardContent';

const baseApi = {
  getEntityScorecard: async () => analysedScorecard,
  getEntityHistory: async () => historyOf('component:default/checkout-api'),
  getRules: async () => ruleCatalogue,
};

describe('EntityContainerScorecardContent', () => {
  it('shows each file with its findings grouped by severity, rationale, remediation and fix', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi(baseApi),
      entity: checkoutApiEntity,
    });

    expect(
      await screen.findByRole('link', {
        name: /^Dockerfile in source control/,
      }),
    ).toHaveAttribute(
      'href',
      'https://scm.example/northwind/checkout-api/blob/main/Dockerfile',
    );

    const high = screen.getByRole('region', { name: 'High findings' });
    const pinned = within(high).getByRole('article', {
      name: 'The base image node:20 is not pinned by digest.',
    });
    expect(
      within(pinned).getByRole('link', {
        name: /^Open Dockerfile:1 in source control/,
      }),
    ).toHaveAttribute(
      'href',
      'https://scm.example/northwind/checkout-api/blob/main/Dockerfile#L1',
    );
    expect(
      within(pinned).getByRole('link', {
        name: 'Rule base-image-pinned in the rule catalogue',
      }),
    ).toHaveAttribute('href', '/container-scorecard/rules#base-image-pinned');
    expect(
      within(pinned).getByLabelText('Offending text at Dockerfile:1'),
    ).toHaveTextContent('node:20');
    expect(
      within(pinned).getByText(/An unpinned base image changes under you/),
    ).toBeInTheDocument();
    expect(
      within(pinned).getByText('Pin the base image by tag and digest.'),
    ).toBeInTheDocument();
    const diff = within(pinned).getByLabelText('Proposed change at line 1');
    expect(diff).toHaveTextContent('-node:20');
    expect(diff).toHaveTextContent('+node:20-slim');
    expect(
      within(pinned).getByRole('button', { name: 'Copy the fixed text' }),
    ).toBeInTheDocument();

    const medium = screen.getByRole('region', { name: 'Medium findings' });
    expect(
      within(medium).getByText(/CMD uses the shell form/),
    ).toBeInTheDocument();
    // Without an automatic fix, the rule's before/after example stands in.
    expect(within(medium).getByLabelText('Example after')).toHaveTextContent(
      'CMD ["node", "server.js"]',
    );
    expect(screen.queryByRole('region', { name: 'Low findings' })).toBeNull();
    // Explanations are open for high findings and collapsed for milder ones.
    const disclosure = (region: HTMLElement) =>
      within(region)
        .getByText('Why it matters and how to fix it')
        .closest('details');
    expect(disclosure(high)).toHaveAttribute('open');
    expect(disclosure(medium)).not.toHaveAttribute('open');
  });

  it('lists suppressed findings apart, with reason and expiry', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi(baseApi),
      entity: checkoutApiEntity,
    });
    const table = await screen.findByRole('table', {
      name: 'Suppressed findings',
    });
    expect(table).toHaveTextContent('no-healthcheck');
    expect(table).toHaveTextContent('The orchestrator probes /healthz');
    expect(table).toHaveTextContent('2027-01-31');
    expect(table).toHaveTextContent('Inline comment');
  });

  it('rescans for those allowed and shows the new result', async () => {
    const rescanEntity = jest.fn(async () => ({
      ...analysedScorecard,
      score: 91,
      grade: 'A' as const,
    }));
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({ ...baseApi, rescanEntity }),
      entity: checkoutApiEntity,
      allowed: true,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Rescan now/ }),
    );
    await waitFor(() =>
      expect(screen.getAllByLabelText('grade A').length).toBeGreaterThan(0),
    );
    expect(rescanEntity).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
    });
  });

  it('shows a file that could not be analysed with its reason', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        ...baseApi,
        getEntityScorecard: async () => couldNotAnalyseScorecard,
      }),
      entity: checkoutApiEntity,
    });
    expect(
      await screen.findByText(
        /Could not analyse this file: unterminated heredoc/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Could not analyse')).toBeInTheDocument();
  });

  it('still shows findings when the rule catalogue fails', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        ...baseApi,
        getRules: () => Promise.reject(new Error('rules down')),
      }),
      entity: checkoutApiEntity,
    });
    expect(
      await screen.findByText(/CMD uses the shell form/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Why it matters')).toBeNull();
  });

  it('shows the error when the scorecard cannot be read', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        ...baseApi,
        getEntityScorecard: () => Promise.reject(new Error('backend down')),
      }),
      entity: checkoutApiEntity,
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
