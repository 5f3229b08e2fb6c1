export { createRegressionNotifier } from './createRegressionNotifier';
export type { NotificationMode } from './detectRegression';
