export { createImageInspector } from './createImageInspector';
export type {
  ImageInspector,
  ImageInspectorOptions,
} from './createImageInspector';
export type { RegistryConfig } from './registryConfig';
export { findRegistry } from './registryConfig';
export { DEFAULT_IMAGE_INSPECTION_LIMITS } from './limits';
export type { ImageInspectionLimits } from './limits';
export { resolveImageReference } from './imageReference';
export { inspectAndScoreImages } from './inspectAndScoreImages';
export { imageReferencesOf } from './imageReferencesOf';
export type { ReferencedImage } from './imageReferencesOf';
export { readDockerConfigAuths, mergeRegistries } from './dockerConfigAuths';
