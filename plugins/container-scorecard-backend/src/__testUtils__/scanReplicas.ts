import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ScorecardEngine } from '@container-scorecard/plugin-container-scorecard-common';
import type { Knex } from 'knex';
import { ScorecardStore } from '../database/ScorecardStore';
import type { RepositoryReader } from '../service/reading/createRepositoryReader';
import { ScanService } from '../service/scanning/ScanService';

/** A service read from `https://example.com/acme/<name>/`, as the scanning tests catalog it. */
export function sourcedComponent(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/source-location': `url:https://example.com/acme/${name}/`,
      },
    },
    spec: { owner: 'team-a', type: 'service' },
  };
}

/** The repository name a read of a `sourcedComponent` asks for. */
export function repositoryOf(source: { target: string }): string {
  return source.target.split('/').at(-2)!;
}

/**
 * One replica's ScanService over a shared database, as the queue tests start several: its own
 * store client, reader and replica id, two entities at a time, claims of one minute.
 */
export function replicaScanService(options: {
  knex: Knex;
  engine: ScorecardEngine;
  entities: Entity[];
  reader: RepositoryReader;
  replicaId: string;
  now?: () => Date;
}): ScanService {
  return new ScanService({
    store: ScorecardStore.fromClient(options.knex),
    engine: options.engine,
    reader: options.reader,
    catalog: catalogServiceMock({ entities: options.entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    options: {
      filter: { kind: 'Component' },
      concurrency: 2,
      entityTimeoutMs: 10_000,
      retentionDays: 400,
      maxFileBytes: 1024 * 1024,
    },
    replicaId: options.replicaId,
    claimTtlMs: 60_000,
    now: options.now,
  });
}
