import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { containerScorecardApiRef, ContainerScorecardApi } from '../../api';
import { ScorecardOverviewPage } from './ScorecardOverviewPage';

function renderWith(api: ContainerScorecardApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[containerScorecardApiRef, api]]}>
      <ScorecardOverviewPage />
    </TestApiProvider>,
  );
}

describe('ScorecardOverviewPage', () => {
  it('shows the backend as healthy when it says so', async () => {
    await renderWith({
      getHealth: async () => ({ status: 'ok', database: 'ok' }),
    });
    expect(
      await screen.findByText(/Scanner backend: healthy/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend cannot be reached', async () => {
    const response = new Response(
      JSON.stringify({ error: { name: 'Error', message: 'down' } }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    await renderWith({
      getHealth: async () => {
        throw error;
      },
    });
    expect(await screen.findByText(/503/)).toBeInTheDocument();
  });
});
