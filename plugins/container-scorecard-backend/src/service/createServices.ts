import {
  AuthService,
  DatabaseService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  builtInRules,
  type RuleMetadata,
  type ScorecardRule,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  createNodeScorecardEngine,
  loadRuleModules,
} from '@container-scorecard/plugin-container-scorecard-node';
import { ScorecardStore } from '../database/ScorecardStore';
import { CatalogAccess } from './access/CatalogAccess';
import { createEntityAnalyzer } from './analysis/createEntityAnalyzer';
import { readAnalysisOptions } from './analysis/readAnalysisOptions';
import { toRuleCatalogue } from './mapping/toRuleCatalogue';
import { createRepositoryReader } from './reading/createRepositoryReader';
import { readScorecardOptions } from './readScorecardOptions';
import { ScanService } from './scanning/ScanService';
import { createImageInspectionService } from './images/createImageInspectionService';
import { readImagesOptions } from './images/readImagesOptions';
import { readQueueOptions } from './queue/readQueueOptions';
import type { ScanResultListener } from './scanning/ScanResultListener';
import { readDemoHistoryOptions, seedDemoHistory } from './demoHistory';
import type { Entity } from '@backstage/catalog-model';

/** Image inspection on or off and its section, as the rule catalogue lists image rules. */
function imageSettings(config: RootConfigService) {
  const { enabled, images } = readImagesOptions(config);
  return { enabled, config: images };
}

/**
 * Builds the plugin's services from its configuration: the store, the engine (built-in rules
 * plus those added through the extension point), the reader, the scanner and catalog access.
 * A bad configuration fails here, at start-up, with the key at fault.
 */
export async function createServices(deps: {
  config: RootConfigService;
  database: DatabaseService;
  urlReader: UrlReaderService;
  auth: AuthService;
  logger: LoggerService;
  catalog: CatalogService;
  extraRules: ScorecardRule[];
  /** Modules whose `rules` the analysis workers load (rule objects cannot reach them). */
  ruleModules?: string[];
  lifecycle?: LifecycleService;
  /** Told of every stored result (regression notifications). */
  onResultStored?: ScanResultListener;
}) {
  const options = readScorecardOptions(deps.config);
  const queueOptions = readQueueOptions(deps.config);
  const demoHistory = readDemoHistoryOptions(deps.config, options.localRoots);
  const store = await ScorecardStore.create({ database: deps.database });
  const ruleModules = deps.ruleModules ?? [];
  const moduleRules = loadRuleModules(ruleModules);
  // Made here for the rules' metadata and the ruleset version; the workers make their own.
  const engine = await createNodeScorecardEngine({
    config: options.engineConfig,
    extraRules: [...deps.extraRules, ...moduleRules],
  });
  const analyzer = createEntityAnalyzer({
    options: readAnalysisOptions(deps.config),
    engine,
    engineConfig: options.engineConfig,
    ruleModules,
    extraRules: deps.extraRules,
    logger: deps.logger,
  });
  deps.lifecycle?.addShutdownHook(() => analyzer.close());
  const rules: ReadonlyMap<string, RuleMetadata> = new Map(
    engine.rules.map(rule => [rule.id, rule]),
  );
  const reader = createRepositoryReader({
    urlReader: deps.urlReader,
    localRoots: options.localRoots,
    maxFileBytes: options.maxFileBytes,
    maxRepositoryFiles: options.maxRepositoryFiles,
    maxEntityBytes: options.maxEntityBytes,
    retry: options.retry,
  });
  // A bad images section fails start-up here, like the rest of the configuration.
  const images = createImageInspectionService(deps.config);
  const scanService = new ScanService({
    store,
    engine,
    analyzer,
    reader,
    catalog: deps.catalog,
    auth: deps.auth,
    logger: deps.logger,
    options,
    claimTtlMs: queueOptions.claimTtlMs,
    onResultStored: deps.onResultStored,
    images,
  });
  deps.lifecycle?.addShutdownHook(() => scanService.stop());
  deps.logger.info(
    `Container scorecard: ruleset ${engine.rulesetVersion}, ${engine.rules.length} rules, ` +
      `local roots ${options.localRoots.join(', ') || 'none'}`,
  );
  return {
    options,
    queueOptions,
    store,
    engine,
    rules,
    scanService,
    images,
    access: new CatalogAccess(deps.catalog, options.filter),
    /** Set when `containerScorecard.demo.seedHistory` is: seeds an empty store's past. */
    seedDemoHistory:
      demoHistory &&
      ((entities: Entity[], signal?: AbortSignal) =>
        seedDemoHistory(
          { ...deps, ...demoHistory, store, engine, analyzer, options },
          entities,
          signal,
        )),
    ruleCatalogue: toRuleCatalogue(
      engine,
      [...builtInRules, ...deps.extraRules, ...moduleRules],
      { config: options.engineConfig, images: imageSettings(deps.config) },
    ),
  };
}
