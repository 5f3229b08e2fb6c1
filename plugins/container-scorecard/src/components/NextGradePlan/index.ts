export { NextGradePlan } from './NextGradePlan';
