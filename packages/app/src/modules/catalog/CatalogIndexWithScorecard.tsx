import { SupportButton } from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  CatalogTable,
  type CatalogTableRow,
  catalogTranslationRef,
} from '@backstage/plugin-catalog';
import {
  CatalogFilterLayout,
  EntityListProvider,
  type EntityListPagination,
} from '@backstage/plugin-catalog-react';
import { Container, Header } from '@backstage/ui';
import { createScorecardGradeColumn } from '@container-scorecard/plugin-container-scorecard/alpha';
import type { ReactNode } from 'react';

// Created once: the column's cells share one batched summaries request per table page.
const scorecardColumn = createScorecardGradeColumn<CatalogTableRow>();

/**
 * The catalog index page of the new frontend system, as `@backstage/plugin-catalog` 1.55 renders
 * it (its `NfsDefaultCatalogPage` is not exported), with the Container Scorecard grade column
 * next to the entity's name, before the other default columns. The filters are the catalog
 * page's own filter extensions.
 */
export function CatalogIndexWithScorecard(props: {
  filters: ReactNode;
  pagination?: EntityListPagination;
}) {
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  const { t } = useTranslationRef(catalogTranslationRef);
  return (
    <EntityListProvider pagination={props.pagination}>
      <Header
        title={t('indexPage.title', { orgName })}
        customActions={
          <SupportButton>{t('indexPage.supportButtonContent')}</SupportButton>
        }
      />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>
            {props.filters}
          </CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <CatalogTable
              columns={context => {
                // Right after the name (the first visible column; a hidden title column for
                // the table's search precedes it): with the default columns of a component
                // list the table is wider than a laptop screen, and a last column would be
                // scrolled out of sight.
                const columns = CatalogTable.defaultColumnsFunc(context);
                const name = columns.findIndex(column => !column.hidden) + 1;
                return [
                  ...columns.slice(0, name),
                  scorecardColumn,
                  ...columns.slice(name),
                ];
              }}
            />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
