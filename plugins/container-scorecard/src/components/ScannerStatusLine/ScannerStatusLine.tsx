import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';
import { formatDateTime } from '../../presentation';

/**
 * One line about the scanner: whether the backend and its database answer, and how the last scan
 * went, so a reader can tell how fresh the numbers above it are.
 *
 * @public
 */
export const ScannerStatusLine = () => {
  const api = useApi(containerScorecardApiRef);
  const health = useAsync(() => api.getHealth(), [api]);
  const status = useAsync(() => api.getScanStatus(), [api]);

  if (health.loading) {
    return null;
  }
  const parts: string[] = [];
  if (health.error || !health.value) {
    parts.push('Scanner backend: unreachable');
  } else {
    parts.push(
      `Scanner backend: ${
        health.value.status === 'ok' ? 'healthy' : 'unhealthy'
      }`,
      `database: ${health.value.database}`,
    );
  }
  const run = status.value?.lastRun;
  if (status.value?.running) parts.push('a scan is running');
  // Timing only: the backend keeps the run's totals to itself, as they would count services
  // this reader may not see.
  if (run && run.outcome !== 'running') {
    const when = formatDateTime(run.finishedAt ?? run.startedAt);
    parts.push(
      {
        completed: `last scan ${when}`,
        aborted: `last scan ${when} was cut short${
          run.outcomeReason ? ` (${run.outcomeReason})` : ''
        }`,
        abandoned: `the scan started ${formatDateTime(
          run.startedAt,
        )} stopped when its server went away`,
      }[run.outcome],
    );
  }
  if (status.value?.nextRunAt) {
    parts.push(`next ${formatDateTime(status.value.nextRunAt)}`);
  }
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      role="status"
    >
      {parts.join(' · ')}
    </Typography>
  );
};
