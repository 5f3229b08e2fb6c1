export {
  RemediationFilters,
  useRemediationFilter,
  type RemediationFilter,
} from './RemediationFilters';
