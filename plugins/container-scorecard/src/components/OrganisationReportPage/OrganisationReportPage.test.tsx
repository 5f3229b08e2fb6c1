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
    const rules = screen.getByRole('table', {
      name: 'Top rules by points lost',
    });
    expect(
      within(rules)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Rule',
      'Severity',
      'Points lost',
      'Services failing',
      'Findings',
    ]);
    expect(within(rules).getAllByRole('row')[1]).toHaveTextContent(
      'Base image pinnedbase-image-pinned · Immutable, reproducible imagesHigh113814',
    );
    expect(
      within(rules).getByRole('link', {
        name: 'Base image pinned: services failing it',
      }),
    ).toHaveAttribute(
      'href',
      '/container-scorecard/rules?rule=base-image-pinned#base-image-pinned',
    );
    expect(
      screen.getByRole('heading', { name: 'Organisation report' }),
    ).toBeInTheDocument();
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
    // The report is titled after its scope, and its rules link to the same scope.
    expect(
      await screen.findByRole('heading', { name: 'Payments report' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Base image pinned: services failing it',
      }),
    ).toHaveAttribute(
      'href',
      '/container-scorecard/rules?rule=base-image-pinned&scope=group%3Adefault%2Fpayments#base-image-pinned',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(getReportCsv).toHaveBeenCalledWith({
        days: 90,
        group: 'group:default/payments',
      }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(
      (click.mock.instances[0] as unknown as HTMLAnchorElement).download,
    ).toMatch(/^container-scorecard-payments-\d{4}-\d{2}-\d{2}\.csv$/);
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
          /^container-scorecard-organisation-\d{4}-\d{2}-\d{2}\.csv$/,
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

  it('opens with the period and scope of a shared URL, and exports the findings per service', async () => {
    const getOrganisationReport = jest.fn(async () => organisationReport);
    const getReportFindingsCsv = jest.fn(
      async () => 'entity_ref,rule_id\ncomponent:default/a,x\n',
    );
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:findings');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderWithApi(<OrganisationReportPage />, {
      api: fakeApi({
        ...scannerApi,
        getOrganisationReport,
        getReportFindingsCsv,
      }),
      routeEntries: ['/?period=30&scope=group%3Adefault%2Fpayments'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Payments report' }),
    ).toBeInTheDocument();
    expect(getOrganisationReport).toHaveBeenCalledWith({
      days: 30,
      group: 'group:default/payments',
    });
    expect(
      screen.getByText(/Scope: Payments · last 30 days/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Export findings' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(getReportFindingsCsv).toHaveBeenCalledWith({
      days: 30,
      group: 'group:default/payments',
    });
    expect(
      (click.mock.instances[0] as unknown as HTMLAnchorElement).download,
    ).toMatch(/^container-scorecard-payments-findings-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await createObjectURL.mock.calls[0][0].text()).toBe(
      'entity_ref,rule_id\ncomponent:default/a,x\n',
    );
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
