import { mockServices } from '@backstage/backend-test-utils';
import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { ScorecardStore } from '../../src/database/ScorecardStore';
import { createGithubUrlReader } from '../../src/__testUtils__/fakeGithub';
import {
  createRepositoryReader,
  RepositoryReader,
} from '../../src/service/reading/createRepositoryReader';
import { ScanService } from '../../src/service/scanning/ScanService';
import { quietLogger } from './benchLogger';

/** The largest file the benches read, as the plugin's default. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * The repository reader every bench uses: Backstage's real URL readers (by default with the
 * GitHub integration the msw fake answers), one attempt per read so a broken fake shows at once.
 */
export function benchRepositoryReader(
  urlReader: UrlReaderService = createGithubUrlReader(),
): RepositoryReader {
  return createRepositoryReader({
    urlReader,
    localRoots: [],
    maxFileBytes: MAX_FILE_BYTES,
    retry: { attempts: 1, baseDelayMs: 100 },
  });
}

/**
 * The plugin's real ScanService as the benches run it: components only, the engine on the
 * calling thread, warnings and errors only in the log. One place, so every bench measures the
 * same service with the same options.
 */
export async function benchScanService(deps: {
  store: ScorecardStore;
  catalog: CatalogService;
  concurrency: number;
  /** Default: `benchRepositoryReader()`, i.e. GitHub as the in-process msw fake serves it. */
  reader?: RepositoryReader;
  logger?: LoggerService;
  /** This process's name in the shared scan queue's claims. */
  replicaId?: string;
}): Promise<ScanService> {
  return new ScanService({
    store: deps.store,
    engine: await createNodeScorecardEngine(),
    reader: deps.reader ?? benchRepositoryReader(),
    catalog: deps.catalog,
    auth: mockServices.auth(),
    logger: deps.logger ?? quietLogger,
    options: {
      filter: { kind: 'Component' },
      concurrency: deps.concurrency,
      entityTimeoutMs: 60_000,
      retentionDays: 400,
      maxFileBytes: MAX_FILE_BYTES,
    },
    replicaId: deps.replicaId,
  });
}
