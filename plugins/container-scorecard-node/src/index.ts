/**
 * Node.js library for Container Scorecard: extension points for backend modules.
 *
 * @packageDocumentation
 */
export * from './extensions';
