export { readDemoHistoryOptions } from './readDemoHistoryOptions';
export type { DemoHistoryOptions } from './readDemoHistoryOptions';
export { seedDemoHistory } from './seedDemoHistory';
export type { DemoHistoryDeps, DemoHistoryOutcome } from './seedDemoHistory';
export { withDemoHistory } from './withDemoHistory';
export type { ScanRunner } from './withDemoHistory';
