import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamScorecardView } from '../TeamScorecardView';

/**
 * The Container Scorecard tab of a Group entity: the team scorecard of that group.
 *
 * @public
 */
export const EntityTeamContainerScorecardContent = () => {
  const { entity } = useEntity();
  return (
    <Content>
      <TeamScorecardView
        team={{
          namespace: entity.metadata.namespace ?? 'default',
          name: entity.metadata.name,
        }}
      />
    </Content>
  );
};
