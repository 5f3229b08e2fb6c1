import { createApiRef } from '@backstage/core-plugin-api';

/** What the backend reports about itself. @public */
export interface ScannerHealth {
  status: 'ok' | 'error';
  database: 'ok' | 'unreachable';
}

/** The frontend's view of the Container Scorecard backend. @public */
export interface ContainerScorecardApi {
  getHealth(): Promise<ScannerHealth>;
}

/** @public */
export const containerScorecardApiRef = createApiRef<ContainerScorecardApi>({
  id: 'plugin.container-scorecard.service',
});
