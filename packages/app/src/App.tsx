import { createApp } from '@backstage/frontend-defaults';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import containerScorecardPlugin from '@container-scorecard/plugin-container-scorecard/alpha';
import { catalogWithScorecardColumn } from './modules/catalog';
import { navModule } from './modules/nav';
import { searchModule } from './modules/search';

export default createApp({
  features: [
    // The catalog with the Container Scorecard grade column in its table.
    catalogWithScorecardColumn,
    orgPlugin,
    // Owners hear of their services' regressions here; signals push them without a reload.
    notificationsPlugin,
    signalsPlugin,
    containerScorecardPlugin,
    // Search over the catalog and the scorecard's findings ("docker.sock" finds who mounts it).
    searchPlugin,
    searchModule,
    navModule,
  ],
});
