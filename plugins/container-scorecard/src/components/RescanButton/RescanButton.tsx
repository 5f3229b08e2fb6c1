import { useState } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { containerScorecardRescanPermission } from '@container-scorecard/plugin-container-scorecard-common';
import { containerScorecardApiRef } from '../../api';

/**
 * "Rescan now", for people the permission policy allows to rescan. Hidden for everyone else, so
 * nobody is offered a button that can only fail.
 *
 * @public
 */
export const RescanButton = (props: {
  entityRef: CompoundEntityRef;
  onRescanned: (scorecard: EntityScorecard) => void;
}) => {
  const api = useApi(containerScorecardApiRef);
  const alertApi = useApi(alertApiRef);
  const [running, setRunning] = useState(false);
  const { allowed, loading } = usePermission({
    permission: containerScorecardRescanPermission,
  });
  if (loading || !allowed) {
    return null;
  }

  const rescan = async () => {
    setRunning(true);
    try {
      const scorecard = await api.rescanEntity(props.entityRef);
      props.onRescanned(scorecard);
      alertApi.post({
        message: 'Rescan finished: the results below are current.',
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Rescan failed: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={rescan}
      disabled={running}
      startIcon={
        running ? <CircularProgress size={16} aria-hidden /> : <RefreshIcon />
      }
      aria-busy={running}
    >
      {running ? 'Rescanning…' : 'Rescan now'}
    </Button>
  );
};
