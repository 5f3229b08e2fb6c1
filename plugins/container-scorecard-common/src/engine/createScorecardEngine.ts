import {
  DEFAULT_LIMITS,
  type ScorecardConfig,
} from '../config/ScorecardConfig';
import { validateScorecardConfig } from '../config/validateScorecardConfig';
import type { FileResult } from '../model/types';
import { createShellParser } from '../parsing/shell/createShellParser';
import { loadBashLanguage } from '../parsing/shell/loadBashLanguage';
import type { RuleMetadata, ScorecardRule } from '../rules/framework/ruleTypes';
import {
  aggregateFileResults,
  type AggregateScore,
} from '../scoring/aggregateScores';
import { computeRulesetVersion } from '../scoring/rulesetVersion';
import { builtInRules } from './builtInRules';
import {
  createFileAnalyzer,
  type AnalysisProgress,
} from './createFileAnalyzer';
import { resolveEffectiveRules } from './effectiveRules';
import type { RenderOptions } from './rendered/renderedSources';

/**
 * Options of `createScorecardEngine`.
 *
 * @public
 */
export interface ScorecardEngineOptions {
  /**
   * The bytes of `tree-sitter-bash.wasm`. Node code reads
   * `require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')`; a browser fetches it.
   */
  bashGrammarWasm: Uint8Array;
  /**
   * The bytes of web-tree-sitter's own runtime (`web-tree-sitter.wasm`). Optional in Node, where
   * the runtime finds its file itself; pass it where it cannot (browsers, bundles).
   */
  treeSitterRuntimeWasm?: Uint8Array;
  /** Configuration; validated here (a `ScorecardConfigError` rejects the promise). */
  config?: ScorecardConfig;
  /** Rules added to the built-in ones (plugins, tests). */
  extraRules?: readonly ScorecardRule[];
  /** The clock used for waiver expiry; tests pass a fixed date. */
  now?: () => Date;
}

/**
 * A file to analyse. Repository listings may omit `content` for files that are not container
 * definitions (`.dockerignore`, sources): repository rules only need their paths.
 *
 * @public
 */
export interface ScorecardInputFile {
  path: string;
  content?: string;
}

/**
 * The result of analysing a repository (or any set of files of one entity).
 *
 * @public
 */
export interface RepositoryResult {
  /** One result per container definition; files that are not container definitions are left out. */
  files: FileResult[];
  aggregate: AggregateScore;
  rulesetVersion: string;
}

/**
 * A ready engine. Analysis is synchronous and never throws: problems become
 * `could-not-analyse` results or `ruleErrors`.
 *
 * @public
 */
export interface ScorecardEngine {
  /** `<semver>+<hash>` of the effective rules and weights. */
  readonly rulesetVersion: string;
  /** The enabled rules, with configured severities. */
  readonly rules: readonly RuleMetadata[];
  analyzeFile(file: { path: string; content: string }): FileResult;
  /**
   * `progress` hears of each file as it starts and finishes (worker threads relay it);
   * `options` holds the entity's render choices (Helm values files).
   */
  analyzeRepository(
    files: readonly ScorecardInputFile[],
    progress?: AnalysisProgress,
    options?: RenderOptions,
  ): RepositoryResult;
}

/**
 * Creates the engine: loads the bash grammar, validates the configuration, resolves the rules.
 * Create it once and reuse it: loading the grammar is the only slow part.
 *
 * @public
 */
export async function createScorecardEngine(
  options: ScorecardEngineOptions,
): Promise<ScorecardEngine> {
  const candidates = [...builtInRules, ...(options.extraRules ?? [])];
  const duplicate = candidates.find(
    (rule, index) => candidates.findIndex(r => r.id === rule.id) !== index,
  );
  if (duplicate) throw new Error(`Two rules share the id "${duplicate.id}"`);
  const { config } = validateScorecardConfig(options.config ?? {}, candidates);
  const rules = resolveEffectiveRules(candidates, config);
  const rulesetVersion = computeRulesetVersion(rules.map(r => r.metadata));
  const language = await loadBashLanguage(options);
  const analyzer = createFileAnalyzer({
    shellParser: createShellParser(language),
    rules,
    config,
    limits: { ...DEFAULT_LIMITS, ...config.limits },
    rulesetVersion,
    now: options.now ?? (() => new Date()),
  });

  return {
    rulesetVersion,
    rules: rules.map(r => r.metadata),
    analyzeFile: file => analyzer.analyzeFile(file.path, file.content),
    analyzeRepository(files, progress, renderOptions) {
      const results = analyzer.analyzeRepository(
        files,
        progress,
        renderOptions,
      );
      return {
        files: results,
        aggregate: aggregateFileResults(results),
        rulesetVersion,
      };
    },
  };
}
