export { PartialResultNotice } from './PartialResultNotice';
