import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import containerScorecardPlugin from '@container-scorecard/plugin-container-scorecard/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    // Owners hear of their services' regressions here; signals push them without a reload.
    notificationsPlugin,
    signalsPlugin,
    containerScorecardPlugin,
    navModule,
  ],
});
