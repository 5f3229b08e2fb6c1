import type { ImageRule } from './defineImageRule';
import { imageMissingPlatforms } from './image-missing-platforms';
import { imageMissingProvenanceLabels } from './image-missing-provenance-labels';
import { imageNotSigned } from './image-not-signed';
import { imageRunsAsRoot } from './image-runs-as-root';
import { imageShellFormEntrypoint } from './image-shell-form-entrypoint';
import { imageTagMoved } from './image-tag-moved';
import { imageTooLarge } from './image-too-large';
import { imageTooManyLayers } from './image-too-many-layers';
import { imageTooOld } from './image-too-old';
import { imageWithoutHealthcheck } from './image-without-healthcheck';
import { imageWithoutSbom } from './image-without-sbom';

/** The rules of the `image` kind, checked against images read from registries. @public */
export const imageRules: readonly ImageRule[] = [
  imageRunsAsRoot,
  imageWithoutHealthcheck,
  imageShellFormEntrypoint,
  imageTooOld,
  imageTooLarge,
  imageTooManyLayers,
  imageMissingProvenanceLabels,
  imageMissingPlatforms,
  imageNotSigned,
  imageWithoutSbom,
  imageTagMoved,
];

export { defineImageRule } from './defineImageRule';
export type {
  ImageRule,
  ImageRuleContext,
  ImageRuleReport,
  ImageUsage,
} from './defineImageRule';
