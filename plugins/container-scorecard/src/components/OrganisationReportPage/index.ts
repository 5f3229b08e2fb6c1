export { OrganisationReportPage } from './OrganisationReportPage';
