import { useMemo } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { containerScorecardApiRef } from '../api';

/** The current entity's scorecard and its last 90 days of history, loaded in parallel. */
export function useEntityScorecard() {
  const { entity } = useEntity();
  const api = useApi(containerScorecardApiRef);
  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const ref = useMemo<CompoundEntityRef>(
    () => ({ kind, namespace, name }),
    [kind, namespace, name],
  );

  const scorecard = useAsyncRetry(
    () => api.getEntityScorecard(ref),
    [api, ref],
  );
  const history = useAsyncRetry(
    () => api.getEntityHistory(ref, { days: 90 }),
    [api, ref],
  );
  return { entityRef: ref, scorecard, history };
}
