import { screen, within } from '@testing-library/react';
import { counts, serviceSummary } from '../../__testUtils__/fixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { TeamServicesTable } from './TeamServicesTable';

function renderTable(items: ReturnType<typeof serviceSummary>[]) {
  return renderWithApi(
    <TeamServicesTable
      page={{ items, totalCount: items.length, offset: 0, limit: 25 }}
      sort="score"
      order="asc"
      onSortChange={() => {}}
      onPageChange={() => {}}
    />,
    { api: fakeApi({}) },
  );
}

describe('TeamServicesTable', () => {
  it("counts each service's open findings by severity, image findings included", async () => {
    // The backend's entity counts: 1 high, 1 medium in the Dockerfile plus 1 high, 2 medium and
    // 3 low in the image it runs.
    await renderTable([
      {
        ...serviceSummary(1),
        counts: counts({ high: 2, medium: 3, low: 3 }),
      },
      { ...serviceSummary(2), title: 'Clean service', counts: counts() },
      {
        ...serviceSummary(3),
        title: 'Unscanned service',
        status: 'not-scanned',
        counts: counts(),
      },
    ]);

    const table = screen.getByRole('table', { name: 'Services of the team' });
    const header = within(table).getByRole('columnheader', {
      name: 'Open findings',
    });
    expect(header).toHaveAttribute(
      'title',
      'In the container definitions and, when inspected, the images they run',
    );
    const [, first, clean, unscanned] = within(table).getAllByRole('row');
    const findingsCell = (row: HTMLElement) =>
      within(row).getAllByRole('cell').at(-1)?.textContent;
    expect(findingsCell(first)).toBe('2 high3 medium3 low');
    expect(findingsCell(clean)).toBe('None');
    expect(findingsCell(unscanned)).toBe('–');
  });
});
