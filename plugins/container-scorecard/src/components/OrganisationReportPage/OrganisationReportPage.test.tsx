import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { organisationReport } from '../../__testUtils__/fixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { OrganisationReportPage } from './OrganisationReportPage';

const scannerApi = {
  getHealth: async () => ({ status: 'ok' as const, database: 'ok' as const }),
  getScanStatus: async () => ({
    running: false,
    lastRun: {
      startedAt: '2026-11-22T08:00:00Z',
      finishedAt: '2026-11-22T08:01:00Z',
      outcome: 'completed' as const,
    },
  }),
};

describe('OrganisationReportPage', () => {
  it('shows score, coverage, teams ranked, movers and failing rules', async () => {
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({
        ...scannerApi,
        getOrganisationReport: async () => organisationReport,
      }),
    });
    expect(
      await screen.findByText('11 of 13 services analysed (85%)'),
    ).toBeInTheDocument();
    const teams = screen.getByRole('table', { name: 'Teams ranked by score' });
    const rows = within(teams).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('1Storefront98');
    expect(
      within(rows[2]).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/payments/container-scorecard',
    );
    expect(
      screen.getByRole('table', { name: 'Most improved services' }),
    ).toHaveTextContent('Checkout API');
    const regressed = screen.getByRole('table', {
      name: 'Most regressed services',
    });
    expect(regressed).toHaveTextContent('metrics-gateway');
    expect(regressed).toHaveTextContent('The ruleset changed in this period');
    expect(
      screen.getByRole('table', { name: 'Top failing rules' }),
    ).toHaveTextContent('base-image-pinned');
    expect(
      screen.getByRole('img', { name: /Organisation score trend/ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Scanner backend: healthy · database: ok · last scan/,
      ),
    ).toBeInTheDocument();
  });

  it('asks for another period', async () => {
    const getOrganisationReport = jest.fn(async () => organisationReport);
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({ ...scannerApi, getOrganisationReport }),
    });
    await screen.findByRole('table', { name: 'Teams ranked by score' });
    await userEvent.click(screen.getByRole('button', { name: /^Period/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Last 30 days' }));
    await waitFor(() =>
      expect(getOrganisationReport).toHaveBeenLastCalledWith({
        days: 30,
        group: undefined,
      }),
    );
  });

  it('limits the report and the export to a chosen group', async () => {
    const getOrganisationReport = jest.fn(async () => organisationReport);
    const getReportCsv = jest.fn(async () => 'entity_ref\n');
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:report'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({ ...scannerApi, getOrganisationReport, getReportCsv }),
    });
    await screen.findByRole('table', { name: 'Teams ranked by score' });
    await userEvent.click(screen.getByRole('button', { name: /^Scope/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Payments' }),
    );
    await waitFor(() =>
      expect(getOrganisationReport).toHaveBeenLastCalledWith({
        days: 90,
        group: 'group:default/payments',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(getReportCsv).toHaveBeenCalledWith({
        days: 90,
        group: 'group:default/payments',
      }),
    );
    click.mockRestore();
  });

  it('exports the CSV of the chosen period as a file', async () => {
    const getReportCsv = jest.fn(async () => 'entityRef,score\n');
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function checkFileName(this: HTMLAnchorElement) {
        expect(this.download).toMatch(
          /^container-scorecard-report-.*-90d\.csv$/,
        );
      });
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({
        ...scannerApi,
        getOrganisationReport: async () => organisationReport,
        getReportCsv,
      }),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(getReportCsv).toHaveBeenCalledWith({ days: 90, group: undefined });
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows empty sections as sentences, not empty tables', async () => {
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({
        ...scannerApi,
        getOrganisationReport: async () => ({
          ...organisationReport,
          trend: [],
          teams: [],
          movers: { improved: [], regressed: [] },
          topFailingRules: [],
        }),
      }),
    });
    expect(
      await screen.findByText('No teams own scanned services yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No service improved in this period.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/No score history yet/)).toBeInTheDocument();
  });

  it('shows the error when the report fails, and an unreachable scanner', async () => {
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({
        getOrganisationReport: () => Promise.reject(new Error('report failed')),
      }),
    });
    expect(
      (await screen.findAllByText(/report failed/)).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByText(/Scanner backend: unreachable/),
    ).toBeInTheDocument();
  });
});
