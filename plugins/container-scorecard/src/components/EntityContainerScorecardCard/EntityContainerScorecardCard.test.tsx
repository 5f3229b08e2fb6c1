import { screen } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import {
  analysedScorecard,
  couldNotAnalyseScorecard,
  historyOf,
  noDefinitionsScorecard,
  notScannedScorecard,
} from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardCard } from './EntityContainerScorecardCard';

const history = async () => historyOf('component:default/checkout-api');

describe('EntityContainerScorecardCard', () => {
  it('shows score, grade, trend, counts and a link to the tab', async () => {
    const getEntityScorecard = jest.fn(async () => analysedScorecard);
    await renderWithApi(<EntityContainerScorecardCard />, {
      api: fakeApi({ getEntityScorecard, getEntityHistory: history }),
      entity: checkoutApiEntity,
    });

    expect(await screen.findByLabelText('grade C')).toBeInTheDocument();
    expect(screen.getByText('72')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /Score went from 50 on 2026-08-24 to 72 on 2026-11-21/,
      }),
    ).toBeInTheDocument();
    const counts = screen.getByRole('list', {
      name: 'Open findings by severity',
    });
    expect(counts).toHaveTextContent('1 high');
    expect(counts).toHaveTextContent('1 medium');
    expect(counts).toHaveTextContent('0 critical');
    expect(
      screen.getByRole('link', { name: /View findings and fixes/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/container-scorecard',
    );
    expect(getEntityScorecard).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
    });
  });

  it('shows "could not analyse" with the reason, and no score', async () => {
    await renderWithApi(<EntityContainerScorecardCard />, {
      api: fakeApi({
        getEntityScorecard: async () => couldNotAnalyseScorecard,
        getEntityHistory: async () => ({ entityRef: 'x', points: [] }),
      }),
      entity: checkoutApiEntity,
    });
    expect(await screen.findByText('Could not analyse')).toBeInTheDocument();
    expect(
      screen.getByText(/unterminated heredoc <<EOT at line 4/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText(/^grade/)).not.toBeInTheDocument();
    expect(screen.queryByText('Open findings')).not.toBeInTheDocument();
  });

  it('keeps the last good score visible when the latest attempt failed', async () => {
    await renderWithApi(<EntityContainerScorecardCard />, {
      api: fakeApi({
        getEntityScorecard: async () => ({
          ...analysedScorecard,
          status: 'could-not-analyse',
          error: 'timeout reading the repository',
        }),
        getEntityHistory: history,
      }),
      entity: checkoutApiEntity,
    });
    expect(await screen.findByText('Could not analyse')).toBeInTheDocument();
    expect(screen.getByText(/last successful scan/)).toBeInTheDocument();
    expect(screen.getByLabelText('grade C')).toBeInTheDocument();
  });

  it.each([
    [noDefinitionsScorecard, 'No container definitions'],
    [notScannedScorecard, 'Not scanned yet'],
  ])('shows a state of its own for %#', async (scorecard, title) => {
    await renderWithApi(<EntityContainerScorecardCard />, {
      api: fakeApi({
        getEntityScorecard: async () => scorecard,
        getEntityHistory: async () => ({ entityRef: 'x', points: [] }),
      }),
      entity: checkoutApiEntity,
    });
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^grade/)).not.toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'Error', message: 'database unreachable' },
          response: { statusCode: 503 },
        }),
        { status: 503, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await renderWithApi(<EntityContainerScorecardCard />, {
      api: fakeApi({
        getEntityScorecard: () => Promise.reject(error),
        getEntityHistory: history,
      }),
      entity: checkoutApiEntity,
    });
    expect(await screen.findByText('503: Error')).toBeInTheDocument();
  });

  it('shows a progress bar while loading', async () => {
    await renderWithApi(<EntityContainerScorecardCard />, {
      api: fakeApi({
        getEntityScorecard: () => new Promise(() => {}),
        getEntityHistory: () => new Promise(() => {}),
      }),
      entity: checkoutApiEntity,
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });
});
