export { TrendChart } from './TrendChart';
export { describeTrend, trendCoordinates } from './scale';
