import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A group as a choice in a picker. */
export interface GroupOption {
  ref: string;
  title: string;
}

/** Every Group the user can see in the catalog, by display name, for team and scope pickers. */
export function useGroupOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<GroupOption[]> => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return response.items
      .map(group => ({
        ref: stringifyEntityRef(group),
        title:
          (group.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ??
          group.metadata.title ??
          group.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}
