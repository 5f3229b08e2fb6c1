import Alert from '@material-ui/lab/Alert';
import type { ApiLimitReached } from '@container-scorecard/plugin-container-scorecard-common';

/**
 * Says that a result is partial and what a limit left out, so nobody takes it for the whole
 * picture. Renders nothing when no limit was reached.
 *
 * @public
 */
export const PartialResultNotice = (props: {
  limits: ApiLimitReached[] | undefined;
  /** What is partial: "This scan", "This file". */
  subject: string;
}) => {
  const { limits, subject } = props;
  if (!limits?.length) return null;
  return (
    <Alert severity="info" role="status" style={{ marginBottom: 16 }}>
      Partial: {subject} reached{' '}
      {limits.length === 1 ? 'a limit' : `${limits.length} limits`}.{' '}
      {limits.map(limit => limit.message).join(' ')}
    </Alert>
  );
};
