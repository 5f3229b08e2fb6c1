import {
  createPermission,
  type Permission,
} from '@backstage/plugin-permission-common';

/**
 * Allows asking the backend to scan an entity again now, outside the schedule.
 * Reading scorecards needs no permission of its own: it follows catalog read access.
 *
 * @public
 */
export const containerScorecardRescanPermission = createPermission({
  name: 'container-scorecard.entity.rescan',
  attributes: { action: 'update' },
});

/**
 * Every permission this plugin defines, for registration with the permissions framework.
 *
 * @public
 */
export const containerScorecardPermissions: Permission[] = [
  containerScorecardRescanPermission,
];
