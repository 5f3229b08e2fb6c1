/**
 * Common types, permissions and the rule engine of Container Scorecard.
 *
 * Nothing in this package may use Node-only APIs: the browser imports it too.
 *
 * @packageDocumentation
 */

/** The plugin id shared by every package of the family. @public */
export const CONTAINER_SCORECARD_PLUGIN_ID = 'container-scorecard';

export * from './permissions';
