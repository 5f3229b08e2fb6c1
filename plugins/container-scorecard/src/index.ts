/**
 * Container Scorecard frontend plugin: the entity card and remediation tab, team scorecards, the
 * organisation report and the rule catalogue. Apps on the new frontend system import `./alpha`.
 *
 * @packageDocumentation
 */
export {
  containerScorecardPlugin,
  ContainerScorecardPage,
  ContainerScorecardRulesPage,
  ContainerScorecardTeamsPage,
  EntityContainerScorecardCard,
  EntityContainerScorecardContent,
  EntityTeamContainerScorecardCard,
  EntityTeamContainerScorecardContent,
  EntityRollupContainerScorecardContent,
} from './plugin';
export {
  isContainerScorecardAvailable,
  isRollupScorecardAvailable,
  isTeamScorecardAvailable,
} from './conditions';
export * from './api';
export {
  createScorecardGradeColumn,
  type ScorecardColumnRow,
} from './components/ScorecardGradeColumn';
