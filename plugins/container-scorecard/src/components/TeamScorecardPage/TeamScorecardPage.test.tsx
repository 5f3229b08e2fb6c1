import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { teamScorecard } from '../../__testUtils__/fixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { TeamScorecardPage } from './TeamScorecardPage';

describe('TeamScorecardPage', () => {
  it('asks for a team, then shows the scorecard of the chosen one', async () => {
    const getTeamScorecard = jest.fn(async () => teamScorecard({ total: 2 }));
    await renderWithApi(<TeamScorecardPage />, {
      api: fakeApi({ getTeamScorecard }),
    });
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
