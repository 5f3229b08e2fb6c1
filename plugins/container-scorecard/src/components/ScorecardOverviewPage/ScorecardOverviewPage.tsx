import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';

/** The plugin's landing page; reports whether the scanner backend is up. */
export const ScorecardOverviewPage = () => {
  const api = useApi(containerScorecardApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    body = (
      <Typography>
        Scanner backend: {value?.status === 'ok' ? 'healthy' : 'unhealthy'}
        {' · '}database: {value?.database}
      </Typography>
    );
  }

  return (
    <Content>
      <InfoCard title="Container Scorecard">{body}</InfoCard>
    </Content>
  );
};
