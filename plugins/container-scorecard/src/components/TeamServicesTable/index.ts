export { TeamServicesTable } from './TeamServicesTable';
