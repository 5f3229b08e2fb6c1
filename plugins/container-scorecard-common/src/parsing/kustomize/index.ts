export {
  buildKustomization,
  KUSTOMIZATION_FILE_NAMES,
  type KustomizeBuildFailure,
  type KustomizeBuildOutput,
  type KustomizeBuildResult,
  type KustomizeFiles,
} from './buildKustomization';
export {
  findKustomizeUnits,
  isKustomizationFile,
  kustomizeJsonPatchPaths,
  type KustomizeUnit,
} from './findKustomizeUnits';
export { createKustomizeRenderer } from './kustomizeRenderer';
export {
  DEFAULT_KUSTOMIZE_LIMITS,
  type KustomizeLimits,
  type KustomizeOrigin,
  type KustomizeResource,
} from './kustomizeTypes';
export {
  renderKustomizeBuild,
  type RenderedKustomizeBuild,
} from './renderKustomizeBuild';
export { toPlain } from './trackedYaml';
