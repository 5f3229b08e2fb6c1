import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TeamScorecardQuery } from '@container-scorecard/plugin-container-scorecard-common';
import { TeamRef } from '../../api';
import { teamScorecard } from '../../__testUtils__/fixtures';
import {
  checkoutTeamEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityTeamContainerScorecardContent } from '../EntityTeamContainerScorecardContent';
import { TeamScorecardView } from './TeamScorecardView';

function pagedTeam(total: number) {
  return jest.fn(async (_team: TeamRef, query: TeamScorecardQuery = {}) =>
    teamScorecard({ total, offset: query.offset, limit: query.limit }),
  );
}

const lastQuery = (fn: jest.Mock) =>
  fn.mock.calls[fn.mock.calls.length - 1][1] as TeamScorecardQuery;

// Paging, sorting and typing take several renders each; the shared CI machine is slow.
jest.setTimeout(30_000);

describe('TeamScorecardView', () => {
  it('opens with the search, grades, sort and page of a shared URL', async () => {
    const getTeamScorecard = pagedTeam(60);
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'checkout' }} />,
      {
        api: fakeApi({ getTeamScorecard }),
        routeEntries: [
          '/?team=group:default/checkout&q=api&grade=D,F&sort=name&order=desc&offset=25',
        ],
      },
    );
    await screen.findByRole('table', { name: 'Services of the team' });
    expect(lastQuery(getTeamScorecard)).toMatchObject({
      q: 'api',
      grade: ['D', 'F'],
      sort: 'name',
      order: 'desc',
      offset: 25,
      limit: 25,
    });
    expect(
      screen.getByRole('textbox', { name: 'Search services' }),
    ).toHaveValue('api');
    expect(screen.getByRole('checkbox', { name: 'F' })).toBeChecked();
  });

  it('shows the team score, trend and one page of services', async () => {
    const getTeamScorecard = pagedTeam(60);
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'checkout' }} />,
      { api: fakeApi({ getTeamScorecard }) },
    );
    const table = await screen.findByRole('table', {
      name: 'Services of the team',
    });
    // 25 rows and a header, never all 60.
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByText('60 of 60 services analysed')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Team score trend/ }),
    ).toBeInTheDocument();
    const firstRow = within(table).getAllByRole('row')[1];
    expect(
      within(firstRow).getByRole('link', { name: 'Service 1' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/service-1/container-scorecard',
    );
    expect(within(firstRow).getByText('base-image-pinned')).toBeInTheDocument();
    expect(
      within(firstRow).getByLabelText('down 2 points'),
    ).toBeInTheDocument();
    expect(getTeamScorecard).toHaveBeenCalledWith(
      { namespace: 'default', name: 'checkout' },
      expect.objectContaining({
        offset: 0,
        limit: 25,
        sort: 'score',
        order: 'asc',
      }),
    );
  });

  it('asks the server for the next page, and sorts on the server', async () => {
    const getTeamScorecard = pagedTeam(60);
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'checkout' }} />,
      { api: fakeApi({ getTeamScorecard }) },
    );
    await screen.findByRole('table', { name: 'Services of the team' });

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastQuery(getTeamScorecard)).toMatchObject({ offset: 25 }),
    );
    expect(
      await screen.findByRole('link', { name: 'Service 26' }),
    ).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Service' }));
    await waitFor(() =>
      expect(lastQuery(getTeamScorecard)).toMatchObject({
        sort: 'name',
        order: 'asc',
        offset: 0,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Service' }));
    await waitFor(() =>
      expect(lastQuery(getTeamScorecard)).toMatchObject({
        sort: 'name',
        order: 'desc',
      }),
    );
  });

  it('filters by grade, search text and status on the server', async () => {
    const getTeamScorecard = pagedTeam(60);
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'checkout' }} />,
      { api: fakeApi({ getTeamScorecard }) },
    );
    await screen.findByRole('table', { name: 'Services of the team' });

    await userEvent.click(screen.getByRole('checkbox', { name: 'F' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'D' }));
    await waitFor(() =>
      expect(lastQuery(getTeamScorecard)).toMatchObject({ grade: ['D', 'F'] }),
    );

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search services' }),
      'api',
    );
    await waitFor(() =>
      expect(lastQuery(getTeamScorecard)).toMatchObject({ q: 'api' }),
    );
    // The search is debounced: no request for "a" or "ap" alone.
    expect(
      getTeamScorecard.mock.calls.filter(([, query]) => query?.q === 'a'),
    ).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: /^Status/ }));
    await userEvent.click(
      screen.getByRole('option', { name: 'Could not analyse' }),
    );
    await waitFor(() =>
      expect(lastQuery(getTeamScorecard)).toMatchObject({
        status: 'could-not-analyse',
      }),
    );
  });

  it('says when filters match nothing', async () => {
    const getTeamScorecard = jest.fn(async () => ({
      ...teamScorecard({ total: 5 }),
      services: { items: [], totalCount: 0, offset: 0, limit: 25 },
    }));
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'checkout' }} />,
      { api: fakeApi({ getTeamScorecard }) },
    );
    expect(await screen.findByText('No services match.')).toBeInTheDocument();
  });

  it('says when the team owns no services', async () => {
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'checkout' }} />,
      {
        api: fakeApi({
          getTeamScorecard: async () => teamScorecard({ total: 0 }),
        }),
      },
    );
    expect(
      await screen.findByText(/This team owns no services/),
    ).toBeInTheDocument();
  });

  it('shows the error and a progress bar while loading', async () => {
    await renderWithApi(
      <TeamScorecardView team={{ namespace: 'default', name: 'ghost' }} />,
      {
        api: fakeApi({
          getTeamScorecard: () => Promise.reject(new Error('No group ghost')),
        }),
      },
    );
    expect(
      (await screen.findAllByText(/No group ghost/)).length,
    ).toBeGreaterThan(0);
  });

  it('is the Container Scorecard tab of a Group entity', async () => {
    const getTeamScorecard = pagedTeam(3);
    await renderWithApi(<EntityTeamContainerScorecardContent />, {
      api: fakeApi({ getTeamScorecard }),
      entity: checkoutTeamEntity,
    });
    expect(
      await screen.findByRole('link', { name: 'Service 3' }),
    ).toBeVisible();
    expect(getTeamScorecard).toHaveBeenCalledWith(
      { namespace: 'default', name: 'checkout' },
      expect.anything(),
    );
  });
});
