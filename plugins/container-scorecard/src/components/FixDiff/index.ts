export { FixDiff } from './FixDiff';
