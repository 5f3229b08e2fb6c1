export { FindingDetails, lineUrl } from './FindingDetails';
