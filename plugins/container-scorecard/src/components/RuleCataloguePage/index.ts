export { RuleCataloguePage } from './RuleCataloguePage';
