import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ENTITY_TAB_PATH, useEntityPath } from '../../hooks/useEntityPath';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { formatDateTime } from '../../presentation';
import { ImageCountsNote } from '../EntityImages';
import { GradeBadge } from '../GradeBadge';
import { ScoreGauge } from '../ScoreGauge';
import { ScorecardStatusNotice } from '../ScorecardStatusNotice';
import { SeverityCounts } from '../SeverityCounts';
import { TrendSparkline } from '../TrendSparkline';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(3),
    flexWrap: 'wrap',
  },
  section: { marginTop: theme.spacing(2) },
}));

/**
 * The entity overview card: score gauge and grade, the last 90 days as a sparkline, open findings
 * by severity, and a link to the remediation tab. Not-scanned, no-definitions and
 * could-not-analyse each get their own message.
 *
 * @public
 */
export const EntityContainerScorecardCard = () => {
  const classes = useStyles();
  const { entityRef, scorecard, history } = useEntityScorecard();
  const entityPath = useEntityPath();
  const deepLink = {
    title: 'View findings and fixes',
    link: entityPath(entityRef, ENTITY_TAB_PATH),
  };

  let body;
  if (scorecard.loading) {
    body = <Progress />;
  } else if (scorecard.error) {
    body = <ResponseErrorPanel error={scorecard.error} />;
  } else if (scorecard.value) {
    const value = scorecard.value;
    const hasScore = value.score !== undefined;
    const points = history.value?.points ?? [];
    body = (
      <>
        <ScorecardStatusNotice scorecard={value} />
        {hasScore && (
          <div className={classes.summary}>
            <ScoreGauge score={value.score!} />
            <Box display="flex" flexDirection="column" alignItems="center">
              <GradeBadge grade={value.grade} size="large" />
              <Typography variant="caption" color="textSecondary">
                Grade
              </Typography>
            </Box>
            <Box>
              <Typography variant="subtitle2" component="h3">
                Last 90 days
              </Typography>
              {history.error ? (
                <Typography variant="body2" color="textSecondary">
                  History unavailable
                </Typography>
              ) : (
                <TrendSparkline
                  points={points.map(p => ({ day: p.day, score: p.score }))}
                />
              )}
              {!history.loading && !history.error && points.length < 2 && (
                <Typography variant="body2" color="textSecondary">
                  Not enough history yet
                </Typography>
              )}
            </Box>
          </div>
        )}
        {value.status === 'analysed' || hasScore ? (
          <div className={classes.section}>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              Open findings
            </Typography>
            <SeverityCounts counts={value.counts} />
            <ImageCountsNote scorecard={value} />
            <Typography
              variant="caption"
              color="textSecondary"
              component="p"
              className={classes.section}
            >
              {value.files.length} container definition
              {value.files.length === 1 ? '' : 's'}
              {value.images &&
                ` · ${value.images.results.length} image${
                  value.images.results.length === 1 ? '' : 's'
                }`}{' '}
              · analysed {formatDateTime(value.analysedAt)}
            </Typography>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <InfoCard title="Container Scorecard" deepLink={deepLink}>
      {body}
    </InfoCard>
  );
};
