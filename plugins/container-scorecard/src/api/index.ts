export * from './ContainerScorecardApi';
export * from './ContainerScorecardClient';
