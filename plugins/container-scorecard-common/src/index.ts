/**
 * Common types, permissions and the rule engine of Container Scorecard.
 *
 * Nothing in this package may use Node-only APIs: the browser imports it too. The engine gets
 * the bash grammar as bytes (`createScorecardEngine({ bashGrammarWasm })`) for that reason.
 *
 * @packageDocumentation
 */

/** The plugin id shared by every package of the family. @public */
export const CONTAINER_SCORECARD_PLUGIN_ID = 'container-scorecard';

export * from './permissions';

// Results and findings
export * from './model/types';
export type * from './images/inspectedImage';
export {
  scoreImages,
  type ImageResult,
  type ImageScanInput,
  type ImageScoringOptions,
} from './images/scoreImages';
export {
  settleBaseImageUsers,
  type BaseImageUserAnswer,
  type BaseImageUserSettlement,
} from './images/settling/settleBaseImageUsers';
export {
  imageRuleSettingsOf,
  validateImagesConfig,
  type ImageRegistryConfig,
  type ImagesConfig,
} from './images/imagesConfig';
export {
  imageRules,
  defineImageRule,
  type ImageRule,
  type ImageRuleContext,
  type ImageRuleReport,
  type ImageUsage,
} from './rules/image';
export { PILLARS, PILLAR_IDS, type PillarInfo } from './model/pillars';

// Engine
export {
  createScorecardEngine,
  type ScorecardEngine,
  type ScorecardEngineOptions,
  type ScorecardInputFile,
  type RepositoryResult,
} from './engine/createScorecardEngine';
export type { AnalysisProgress } from './engine/createFileAnalyzer';
export { builtInRules } from './engine/builtInRules';
export type {
  HelmCommandResult,
  RenderLimits,
  RenderOptions,
  RenderOutcome,
  RenderSourceFile,
  RenderUnit,
  RenderedLineOrigin,
  RenderedOutput,
  RenderedValueOrigin,
  SourceRenderer,
} from './engine/rendered/renderedSources';
export { builtInRenderers } from './engine/rendered/builtInRenderers';
export {
  helmRenderer,
  isHelmTemplateHelper,
  type HelmUnit,
} from './parsing/helm/helmRenderer';
export {
  isKustomizationFile,
  kustomizeJsonPatchPaths,
} from './parsing/kustomize';
export { applyTextEdits } from './fixes/applyTextEdits';
export {
  fixPreviewOf,
  formatFixPatch,
  fixedRegionOf,
  FIX_PREVIEW_CONTEXT_LINES,
  type FixPreview,
  type FixPreviewHunk,
  type FixPreviewLine,
} from './fixes/fixPreview';

// Classification
export {
  classifyContainerFile,
  type ContainerFileClassification,
} from './classify/classifyContainerFile';
export { looksLikeKubernetesWorkload } from './classify/looksLikeKubernetesWorkload';
export {
  looksLikeComposeDocument,
  looksLikeComposeHead,
} from './classify/looksLikeCompose';
export {
  oversizedYamlKind,
  sniffContainerKind,
} from './classify/sniffContainerKind';

// Configuration
export {
  DEFAULT_LIMITS,
  ScorecardConfigError,
  type RuleConfig,
  type ScorecardConfig,
  type ScorecardLimits,
  type WaiverConfig,
} from './config/ScorecardConfig';
export { validateScorecardConfig } from './config/validateScorecardConfig';

// Scoring
export {
  SEVERITY_WEIGHTS,
  REPEAT_DECAY,
  MAX_COUNTED_REPEATS,
  GRADE_THRESHOLDS,
  WORST_FILE_SHARE,
  gradeOf,
} from './scoring/scoringModel';
export {
  aggregateFileResults,
  aggregateEntityScores,
  type AggregateScore,
} from './scoring/aggregateScores';
export {
  planNextGrade,
  type NextGradePlan,
  type PlannableFinding,
} from './scoring/planNextGrade';
export {
  computeRulesetVersion,
  RULESET_SEMVER,
} from './scoring/rulesetVersion';

// Rules and the rule framework
export { allRules } from './rules';
export { defineRule, defineRepositoryRule } from './rules/framework/defineRule';
export type {
  RuleOptionSpec,
  RuleOptionsSchema,
  RuleOptionValues,
} from './rules/framework/ruleOptions';
export type {
  ParsedComposeFile,
  ParsedDockerfile,
  ParsedFile,
  ParsedKubernetesFile,
  RepositoryContext,
  RepositoryFile,
  RepositoryRuleContext,
  RepositoryRuleReport,
  RuleContext,
  RuleEquivalents,
  RuleMetadata,
  RuleReport,
  RuleSettings,
  ScorecardRule,
} from './rules/framework/ruleTypes';

// Models rules work on
export type {
  DockerFlag,
  DockerFrom,
  DockerInstruction,
  DockerStage,
  DockerfileModel,
} from './parsing/dockerfile/dockerfileTypes';
export type {
  ShellCommand,
  ShellPipeline,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './parsing/shell/shellTypes';
export type {
  ComposeModel,
  ComposeService,
} from './parsing/compose/composeTypes';
export type {
  KubernetesContainer,
  KubernetesModel,
  KubernetesWorkload,
} from './parsing/kubernetes/kubernetesTypes';
export { KUBERNETES_WORKLOAD_KINDS } from './parsing/kubernetes/extractWorkloads';
export type {
  YamlDocumentModel,
  YamlLocation,
  YamlPath,
} from './parsing/yaml/parseYamlDocuments';
export {
  parseImageReference,
  imageMatchesPattern,
  type ParsedImageReference,
} from './parsing/imageReference';
export type { LineIndex } from './text/LineIndex';

// The REST API's shapes, shared by the backend and the frontend.
export * from './api/types';
export { reportFileName } from './api/reportFileName';
// Both modules define the same SeverityCounts shape; name the engine's one explicitly so the
// two star exports do not collide.
export type { SeverityCounts } from './model/types';
