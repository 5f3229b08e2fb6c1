export { RescanButton } from './RescanButton';
