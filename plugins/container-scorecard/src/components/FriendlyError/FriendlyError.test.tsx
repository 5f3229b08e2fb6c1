import { screen } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { TeamScorecardPage } from '../TeamScorecardPage';

function responseError(status: number, message: string) {
  return Object.assign(new Error(message), {
    name: 'ResponseError',
    statusCode: status,
  });
}

describe('friendly not-found and error states', () => {
  it('says a team in a bad URL does not exist, not "Request failed with 404"', async () => {
    await renderWithApi(<TeamScorecardPage />, {
      api: fakeApi({
        getTeamScorecard: () =>
          Promise.reject(
            responseError(404, 'Request failed with 404 Not Found'),
          ),
      }),
      routeEntries: ['/?team=group:default/nobody'],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing found for the team nobody');
    expect(alert).toHaveTextContent(
      'No team named nobody is in the catalog, or you cannot see it.',
    );
    expect(
      screen.queryByRole('heading', { name: /Request failed/ }),
    ).toBeNull();
  });

  it('says what could not be loaded when the backend fails, with the details below', async () => {
    await renderWithApi(<TeamScorecardPage />, {
      api: fakeApi({
        getTeamScorecard: () =>
          Promise.reject(responseError(500, 'Request failed with 500')),
      }),
      routeEntries: ['/?team=group:default/checkout'],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the team checkout');
    expect(alert).toHaveTextContent('Details: Request failed with 500');
  });
});
