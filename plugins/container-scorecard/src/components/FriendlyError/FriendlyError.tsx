import { EmptyState } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

function statusOf(error: Error): number | undefined {
  const withStatus = error as Error & {
    statusCode?: number;
    response?: { status?: number };
  };
  return withStatus.statusCode ?? withStatus.response?.status;
}

/**
 * An error as a person reads it: a missing team or service says so and what to do, a server or
 * network failure says the scorecard could not be loaded and offers a retry; the technical
 * message stays available underneath, never as the headline.
 *
 * @public
 */
export const FriendlyError = (props: {
  error: Error;
  /** What could not be loaded, e.g. "this team's scorecard". */
  subject: string;
  /** Shown for a 404: what may be wrong, e.g. "No team by that name is in the catalog…". */
  notFound?: string;
  onRetry?: () => void;
}) => {
  const { error, subject } = props;
  const status = statusOf(error);
  const isNotFound = status === 404 || error.name === 'NotFoundError';
  const isForbidden = status === 403 || error.name === 'NotAllowedError';
  let title = `Could not load ${subject}`;
  let description =
    'The scorecard backend did not answer as expected. Try again in a moment.';
  if (isNotFound) {
    title = `Nothing found for ${subject}`;
    description =
      props.notFound ??
      'It may have been renamed or removed from the catalog, or the link is wrong.';
  } else if (isForbidden) {
    title = `You may not see ${subject}`;
    description = 'Ask its owners for access.';
  }
  return (
    <div role="alert">
      <EmptyState
        missing={isNotFound ? 'content' : 'data'}
        title={title}
        description={
          <>
            {description}
            <Typography
              variant="caption"
              component="p"
              color="textSecondary"
              style={{ marginTop: 8 }}
            >
              Details: {error.message}
            </Typography>
          </>
        }
        action={
          props.onRetry && !isNotFound ? (
            <Button variant="outlined" onClick={props.onRetry}>
              Try again
            </Button>
          ) : undefined
        }
      />
    </div>
  );
};
