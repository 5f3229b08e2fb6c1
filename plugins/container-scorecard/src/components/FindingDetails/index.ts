export { FindingDetails, findingAnchor, lineUrl } from './FindingDetails';
