export { SeverityCounts, SeverityTag } from './SeverityCounts';
