import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import containerScorecardPlugin from '@internal/plugin-container-scorecard/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, orgPlugin, containerScorecardPlugin, navModule],
});
