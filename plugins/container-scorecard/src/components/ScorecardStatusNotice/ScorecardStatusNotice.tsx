import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { formatDateTime } from '../../presentation';
import { PartialResultNotice } from '../PartialResultNotice';

const StatusNotice = (props: { scorecard: EntityScorecard }) => {
  const { scorecard } = props;
  switch (scorecard.status) {
    case 'could-not-analyse':
      return (
        <Alert severity="warning" role="status">
          <AlertTitle>Could not analyse</AlertTitle>
          {scorecard.error ??
            'The last scan could not read or parse the container definitions.'}{' '}
          Last attempt: {formatDateTime(scorecard.lastAttemptAt)}.
          {scorecard.score !== undefined &&
            ` The score shown is from the last successful scan (${formatDateTime(
              scorecard.analysedAt,
            )}).`}
        </Alert>
      );
    case 'no-definitions':
      return (
        <Alert severity="info" role="status">
          <AlertTitle>No container definitions</AlertTitle>
          The repository holds no Dockerfile, Containerfile, Compose file or
          Kubernetes manifest, so there is nothing to score. Checked{' '}
          {formatDateTime(scorecard.analysedAt ?? scorecard.lastAttemptAt)}.
        </Alert>
      );
    case 'not-scanned':
      return (
        <Alert severity="info" role="status">
          <AlertTitle>Not scanned yet</AlertTitle>
          The scanner has not reached this entity yet; results appear after its
          next run.
        </Alert>
      );
    default:
      return null;
  }
};

/**
 * Explains a scorecard that has no fresh score: not scanned yet, no container definitions, or
 * could not analyse. "Could not analyse" is a warning of its own with the reason, never shown as
 * a zero or a pass. Renders nothing for an analysed scorecard.
 *
 * @public
 */
export const ScorecardStatusNotice = (props: {
  scorecard: EntityScorecard;
}) => {
  const { scorecard } = props;
  // With no file at all, the "could not analyse" reason already is the limit's message.
  const partial =
    scorecard.status === 'could-not-analyse' && scorecard.files.length === 0
      ? undefined
      : scorecard.partial;
  const status = <StatusNotice scorecard={scorecard} />;
  if (!partial?.length) return status;
  return (
    <>
      {status}
      <PartialResultNotice limits={partial} subject="This scan" />
    </>
  );
};
