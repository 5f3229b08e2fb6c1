import {
  coreExtensionData,
  type FrontendPlugin,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import type { EntityListPagination } from '@backstage/plugin-catalog-react';

/**
 * The catalog plugin with its index page showing the Container Scorecard grade column.
 *
 * Backstage 1.55's `page:catalog` extension takes filters and export settings as inputs but no
 * columns, so the page extension is overridden: same path, route, title, filters and pagination
 * config, and a loader that renders the catalog table with the extra column. Export settings
 * (`exportSettings`) are not carried over: the demo does not enable them, and the export button
 * is internal to the catalog plugin.
 */
export const catalogWithScorecardColumn: FrontendPlugin =
  catalogPlugin.withOverrides({
    extensions: [
      catalogPlugin.getExtension('page:catalog').override({
        factory(originalFactory, { inputs, config }) {
          const filters = inputs.filters.map(filter =>
            filter.get(coreExtensionData.reactElement),
          );
          return originalFactory({
            params: {
              loader: async () => {
                const { CatalogIndexWithScorecard } = await import(
                  './CatalogIndexWithScorecard'
                );
                return (
                  <CatalogIndexWithScorecard
                    filters={<>{filters}</>}
                    pagination={config.pagination as EntityListPagination}
                  />
                );
              },
            },
          });
        },
      }),
    ],
  });
