export { FriendlyError } from './FriendlyError';
