import { InfoCard, Link, Progress } from '@backstage/core-components';
import { getCompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';
import { ENTITY_TAB_PATH, useEntityPath } from '../../hooks/useEntityPath';
import { formatScore } from '../../presentation';
import { FriendlyError } from '../FriendlyError';
import { GradeBadge } from '../GradeBadge';
import { TrendSparkline } from '../TrendSparkline';

/** Services listed on the card: the ones most in need, worst score first. */
const WORST_SERVICES = 3;

/**
 * The Group overview card: the team's score and grade over every service it owns (directly and
 * through sub-teams), how many are analysed, the last 90 days, and the services most in need,
 * with a link to the team's scorecard tab.
 *
 * @public
 */
export const EntityTeamContainerScorecardCard = () => {
  const { entity } = useEntity();
  const api = useApi(containerScorecardApiRef);
  const entityPath = useEntityPath();
  const ref = getCompoundEntityRef(entity);
  const team = useAsync(
    () =>
      api.getTeamScorecard(
        { namespace: ref.namespace, name: ref.name },
        { days: 90, sort: 'score', order: 'asc', limit: WORST_SERVICES },
      ),
    [api, ref.namespace, ref.name],
  );

  let body;
  if (team.loading) body = <Progress />;
  else if (team.error) {
    body = <FriendlyError error={team.error} subject="this team's scorecard" />;
  } else if (team.value) {
    const value = team.value;
    const worst = value.services.items.filter(s => s.score !== undefined);
    body = (
      <>
        <Box display="flex" alignItems="center" gridGap={24} flexWrap="wrap">
          <GradeBadge grade={value.grade} size="large" />
          <Typography variant="h4" component="p">
            {formatScore(value.score)}
            <Typography variant="body2" component="span" color="textSecondary">
              {' '}
              / 100
            </Typography>
          </Typography>
          <Box>
            <Typography variant="subtitle2" component="h3">
              Last 90 days
            </Typography>
            {value.trend.length < 2 ? (
              <Typography variant="body2" color="textSecondary">
                Not enough history yet
              </Typography>
            ) : (
              <TrendSparkline points={value.trend} />
            )}
          </Box>
        </Box>
        <Typography variant="body2" style={{ marginTop: 12 }}>
          {value.analysedCount} of {value.serviceCount} service
          {value.serviceCount === 1 ? '' : 's'} analysed
        </Typography>
        {worst.length > 0 && (
          <>
            <Typography
              variant="subtitle2"
              component="h3"
              style={{ marginTop: 12 }}
            >
              Most in need
            </Typography>
            <ul
              aria-label="Services most in need"
              style={{ margin: 0, paddingLeft: 20 }}
            >
              {worst.map(service => {
                const serviceRef = parseEntityRef(service.entityRef);
                return (
                  <li key={service.entityRef}>
                    <Typography variant="body2" component="span">
                      <Link to={entityPath(serviceRef, ENTITY_TAB_PATH)}>
                        {service.title ?? serviceRef.name}
                      </Link>{' '}
                      {formatScore(service.score)}{' '}
                      <GradeBadge grade={service.grade} />
                    </Typography>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Container Scorecard"
      deepLink={{
        title: 'View the team scorecard',
        link: entityPath(ref, ENTITY_TAB_PATH),
      }}
    >
      {body}
    </InfoCard>
  );
};
