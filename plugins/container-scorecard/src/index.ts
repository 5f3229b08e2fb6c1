/**
 * Container Scorecard frontend plugin.
 *
 * @packageDocumentation
 */
export { containerScorecardPlugin, ContainerScorecardPage } from './plugin';
export * from './api';
