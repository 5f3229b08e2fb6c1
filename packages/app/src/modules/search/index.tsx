import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SearchFilterResultTypeBlueprint } from '@backstage/plugin-search-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';

/**
 * "Container Scorecard" among the search page's result types, next to "Software Catalog": the
 * documents of the scorecard's collator (type `container-scorecard`, one per scanned entity with
 * its findings) can then be searched on their own.
 */
const containerScorecardResultType = SearchFilterResultTypeBlueprint.make({
  name: 'container-scorecard',
  params: {
    value: 'container-scorecard',
    name: 'Container Scorecard',
    icon: <AssessmentIcon />,
  },
});

export const searchModule = createFrontendModule({
  pluginId: 'search',
  extensions: [containerScorecardResultType],
});
