import { Table } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import type { ServiceSummary } from '@container-scorecard/plugin-container-scorecard-common';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { createScorecardGradeColumn } from './createScorecardGradeColumn';

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/checkout' },
});

/** Rows as the catalog table gives them to its columns. */
const rows = ['checkout-api', 'Ledger', 'fresh-service', 'hidden'].map(
  name => ({
    entity: component(name),
  }),
);

describe('createScorecardGradeColumn', () => {
  it('shows grade and score for every row from one batched request, and "not scanned" where there is no result', async () => {
    const summaries: ServiceSummary[] = [
      {
        entityRef: 'component:default/checkout-api',
        owner: 'group:default/checkout',
        status: 'analysed',
        score: 82.4,
        grade: 'B',
        counts: zero,
      },
      {
        entityRef: 'component:default/ledger',
        owner: 'group:default/checkout',
        status: 'analysed',
        score: 41,
        grade: 'F',
        counts: zero,
      },
      {
        entityRef: 'component:default/fresh-service',
        owner: 'group:default/checkout',
        status: 'not-scanned',
        counts: zero,
      },
      // component:default/hidden is absent: the caller cannot see it.
    ];
    const getEntitySummaries = jest.fn(async (refs: string[]) => ({
      items: summaries.filter(s => refs.includes(s.entityRef)),
    }));

    await renderWithApi(
      <Table
        title="Catalog"
        options={{ paging: false, search: false }}
        data={rows}
        columns={[
          { title: 'Name', field: 'entity.metadata.name' },
          createScorecardGradeColumn(),
        ]}
      />,
      { api: fakeApi({ getEntitySummaries }) },
    );

    const row = async (name: string) =>
      within((await screen.findByText(name)).closest('tr')!);
    expect(
      await (await row('checkout-api')).findByLabelText('grade B'),
    ).toBeInTheDocument();
    expect((await row('checkout-api')).getByText('82')).toBeInTheDocument();
    expect(
      await (await row('Ledger')).findByLabelText('grade F'),
    ).toBeInTheDocument();
    expect(
      await (await row('fresh-service')).findByText('not scanned'),
    ).toBeInTheDocument();
    expect(
      await (await row('hidden')).findByText('not scanned'),
    ).toBeInTheDocument();

    // One request for the whole page, with every row's ref in lower case.
    expect(getEntitySummaries).toHaveBeenCalledTimes(1);
    expect(getEntitySummaries.mock.calls[0][0].sort()).toEqual([
      'component:default/checkout-api',
      'component:default/fresh-service',
      'component:default/hidden',
      'component:default/ledger',
    ]);
  });
});
