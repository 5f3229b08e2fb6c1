import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { TestApiProvider } from '@backstage/test-utils';
import { teamScorecard } from '../../__testUtils__/fixtures';
import {
  checkoutTeamEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { TeamScorecardPage } from './TeamScorecardPage';

const catalogApi = catalogApiMock({
  entities: [
    checkoutTeamEntity,
    {
      ...checkoutTeamEntity,
      metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    },
  ],
});

describe('TeamScorecardPage', () => {
  it('asks for a team, then shows the scorecard of the chosen one', async () => {
    const getTeamScorecard = jest.fn(async () => teamScorecard({ total: 2 }));
    await renderWithApi(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <TeamScorecardPage />
      </TestApiProvider>,
      { api: fakeApi({ getTeamScorecard }) },
    );
    expect(await screen.findByText('Choose a team')).toBeInTheDocument();
    expect(getTeamScorecard).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: /^Team/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'Payments',
      }),
    );
    expect(
      await screen.findByRole('link', { name: 'Service 2' }),
    ).toBeVisible();
    expect(getTeamScorecard).toHaveBeenCalledWith(
      { namespace: 'default', name: 'payments' },
      expect.anything(),
    );
  });
});
