import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamScorecardView } from '../TeamScorecardView';

/**
 * The Container Scorecard tab of a System or Domain entity: the roll-up of the services that are
 * part of it (for a domain, of its systems), with the same filters, sorting and paging as a team.
 *
 * @public
 */
export const EntityRollupContainerScorecardContent = () => {
  const { entity } = useEntity();
  const kind =
    entity.kind.toLocaleLowerCase('en-US') === 'domain' ? 'domain' : 'system';
  return (
    <Content>
      <TeamScorecardView
        rollup={kind}
        team={{
          namespace: entity.metadata.namespace ?? 'default',
          name: entity.metadata.name,
        }}
      />
    </Content>
  );
};
