import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { ScorecardGradeCell } from './ScorecardGradeCell';

/** A catalog table row: `CatalogTableRow` of `@backstage/plugin-catalog`, the part used here. */
export interface ScorecardColumnRow {
  entity: Entity;
}

/**
 * A column for the catalog table (`CatalogTable`'s or `CatalogIndexPage`'s `columns`) showing
 * each entity's container scorecard grade and score, "not scanned" when it has no result. The
 * rows of a page are fetched in one request.
 *
 * @public
 */
export function createScorecardGradeColumn<
  T extends ScorecardColumnRow = ScorecardColumnRow,
>(options: { title?: string; width?: string } = {}): TableColumn<T> {
  return {
    title: options.title ?? 'Container score',
    field: 'entity.metadata.name',
    width: options.width ?? 'auto',
    sorting: false,
    searchable: false,
    render: row => (
      <ScorecardGradeCell entityRef={stringifyEntityRef(row.entity)} />
    ),
  };
}
