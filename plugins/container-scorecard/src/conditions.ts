import type { Entity } from '@backstage/catalog-model';

/**
 * Whether an entity has a container scorecard: the backend scans Components by default, so the
 * card and the remediation tab show on Components only.
 *
 * @public
 */
export function isContainerScorecardAvailable(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}

/**
 * Whether an entity has a team scorecard: every Group, since a group's scorecard rolls up the
 * services it owns directly and through its sub-groups.
 *
 * @public
 */
export function isTeamScorecardAvailable(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}

/**
 * Whether an entity has a roll-up scorecard: Systems and Domains, over the services that are
 * part of them.
 *
 * @public
 */
export function isRollupScorecardAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kind === 'system' || kind === 'domain';
}
