export { FindingHeadline } from './FindingHeadline';
