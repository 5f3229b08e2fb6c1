import type { Severity } from '../model/types';

/**
 * Per-rule settings.
 *
 * @public
 */
export interface RuleConfig {
  /** False turns the rule off. */
  enabled?: boolean;
  /** Replaces the rule's default severity (and so its weight). */
  severity?: Severity;
  /** Values for the options the rule declares. */
  options?: Record<string, unknown>;
}

/**
 * A central waiver (from app-config or the CLI's `.container-scorecard.yaml`).
 *
 * @public
 */
export interface WaiverConfig {
  rule: string;
  /** Paths with `*` / `**` wildcards; every path when absent. */
  paths?: string[];
  reason: string;
  /** Last day the waiver applies, `YYYY-MM-DD`. */
  until?: string;
}

/**
 * Guards against files we should not try to parse.
 *
 * @public
 */
export interface ScorecardLimits {
  /** Files larger than this (UTF-8 bytes) are not analysed. Default 1 MiB. */
  maxFileBytes?: number;
  /** YAML documents expanding more aliases than this are not analysed. Default 100. */
  maxYamlAliasCount?: number;
  /**
   * Findings of one rule in one file beyond the first this many (by position) are not listed:
   * the result says how many were left out, and they still count in the score and the severity
   * counts. Bounds the size of a result (10,000 services can give 50,000 findings). Default 100.
   */
  maxFindingsPerRule?: number;
  /**
   * YAML documents of one file beyond the first this many are not parsed nor analysed; the
   * result is partial and says how many were left out. Default 1,000.
   */
  maxYamlDocuments?: number;
  /**
   * Dockerfiles with more instructions than this are "could not analyse" before they are parsed:
   * parsing holds a few kilobytes per instruction, so 100,000 one-word `RUN` lines would need
   * hundreds of megabytes for a file no person maintains. Default 10,000.
   */
  maxDockerfileInstructions?: number;
  /** Bytes a Helm chart or Kustomize overlay may render to; more is "could not analyse". Default 4 MiB. */
  maxRenderedBytes?: number;
  /** Depth of nested template calls (`include`, `template`, `tpl`) and blocks. Default 100. */
  maxTemplateDepth?: number;
  /** Template actions executed per chart (each pipeline, each `range` iteration). Default 1,000,000. */
  maxTemplateSteps?: number;
}

/**
 * The one configuration shape the backend (app-config) and the CLI (`.container-scorecard.yaml`)
 * both feed to the engine. Check untrusted input with `validateScorecardConfig`.
 *
 * @public
 */
export interface ScorecardConfig {
  rules?: Record<string, RuleConfig>;
  /** Registries images may come from (`registry.example.com`, `ghcr.io/acme`). */
  trustedRegistries?: string[];
  limits?: ScorecardLimits;
  waivers?: WaiverConfig[];
  /** Image inspection: registries, image rule settings, limits (docs/images.md). */
  images?: import('../images/imagesConfig').ImagesConfig;
}

/** The limits used when the configuration does not set them. @public */
export const DEFAULT_LIMITS: Required<ScorecardLimits> = {
  maxFileBytes: 1024 * 1024,
  maxYamlAliasCount: 100,
  maxFindingsPerRule: 100,
  maxYamlDocuments: 1000,
  maxDockerfileInstructions: 10_000,
  maxRenderedBytes: 4 * 1024 * 1024,
  maxTemplateDepth: 100,
  maxTemplateSteps: 1_000_000,
};

/**
 * Thrown by `validateScorecardConfig`: lists every problem, not just the first.
 *
 * @public
 */
export class ScorecardConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Invalid container scorecard configuration:\n- ${problems.join('\n- ')}`,
    );
    this.name = 'ScorecardConfigError';
    this.problems = problems;
  }
}
