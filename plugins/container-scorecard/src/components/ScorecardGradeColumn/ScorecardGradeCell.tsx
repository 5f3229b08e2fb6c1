import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  containerScorecardApiRef,
  type ContainerScorecardApi,
} from '../../api';
import { formatScore, STATUS_LABELS } from '../../presentation';
import { GradeBadge } from '../GradeBadge';
import { SummaryBatcher } from './summaryBatcher';

// One batcher per API instance, shared by every cell of every table that uses it.
const batchers = new WeakMap<ContainerScorecardApi, SummaryBatcher>();

function batcherFor(api: ContainerScorecardApi): SummaryBatcher {
  let batcher = batchers.get(api);
  if (!batcher) {
    batcher = new SummaryBatcher(api);
    batchers.set(api, batcher);
  }
  return batcher;
}

/** Grade and score of one entity in a table cell, fetched in batches with the other rows. */
export const ScorecardGradeCell = (props: { entityRef: string }) => {
  const api = useApi(containerScorecardApiRef);
  const entityRef = props.entityRef.toLocaleLowerCase('en-US');
  const { value, loading, error } = useAsync(
    () => batcherFor(api).load(entityRef),
    [api, entityRef],
  );
  if (loading) return <Typography variant="body2">…</Typography>;
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary" title={error.message}>
        unavailable
      </Typography>
    );
  }
  if (!value || value.score === undefined) {
    const status = value?.status ?? 'not-scanned';
    return (
      <Typography variant="body2" color="textSecondary">
        {status === 'not-scanned' ? 'not scanned' : STATUS_LABELS[status]}
      </Typography>
    );
  }
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <GradeBadge grade={value.grade} />
      <Typography variant="body2" component="span">
        {formatScore(value.score)}
      </Typography>
    </span>
  );
};
