import { screen, within } from '@testing-library/react';
import { teamScorecard } from '../../__testUtils__/fixtures';
import {
  checkoutTeamEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityTeamContainerScorecardCard } from './EntityTeamContainerScorecardCard';

describe('EntityTeamContainerScorecardCard', () => {
  it("shows the team's score, how many services are analysed and the ones most in need", async () => {
    const getTeamScorecard = jest.fn(async () =>
      teamScorecard({ total: 7, limit: 3 }),
    );
    await renderWithApi(<EntityTeamContainerScorecardCard />, {
      api: fakeApi({ getTeamScorecard }),
      entity: checkoutTeamEntity,
    });
    const list = await screen.findByRole('list', {
      name: 'Services most in need',
    });
    expect(getTeamScorecard).toHaveBeenCalledWith(
      { namespace: 'default', name: 'checkout' },
      { days: 90, sort: 'score', order: 'asc', limit: 3 },
    );
    const value = await getTeamScorecard.mock.results[0].value;
    expect(
      screen.getByText(
        `${value.analysedCount} of ${value.serviceCount} services analysed`,
      ),
    ).toBeInTheDocument();
    const first = value.services.items[0];
    expect(within(list).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      expect.stringMatching(/\/container-scorecard$/),
    );
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
      String(Math.round(first.score)),
    );
    expect(
      screen.getByRole('link', { name: /View the team scorecard/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout/container-scorecard',
    );
  });
});
