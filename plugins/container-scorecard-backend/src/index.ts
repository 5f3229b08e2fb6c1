/**
 * Container Scorecard backend plugin.
 *
 * @packageDocumentation
 */
export { containerScorecardPlugin as default } from './plugin';
