export * from './createNodeScorecardEngine';
