/**
 * Node.js library for Container Scorecard: extension points for backend modules and the engine
 * loaded for Node.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './engine';
export * from './analysis';
export * from './helm';
export * from './images';
export * from './cli';
