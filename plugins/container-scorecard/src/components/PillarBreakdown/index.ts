export { PillarBreakdown } from './PillarBreakdown';
