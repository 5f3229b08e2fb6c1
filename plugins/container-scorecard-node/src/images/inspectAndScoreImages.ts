import {
  imageRuleSettingsOf,
  scoreImages,
  type FileResult,
  type ImageResult,
  type ImagesConfig,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  createImageInspector,
  type ImageInspector,
} from './createImageInspector';
import { imageReferencesOf } from './imageReferencesOf';
import type { RegistryConfig } from './registryConfig';

/**
 * Inspects the images the analysed definitions run and scores them with the image rules. What
 * could not be inspected comes back with its reason; the definitions' scores are not touched.
 *
 * @public
 */
export async function inspectAndScoreImages(options: {
  results: readonly FileResult[];
  annotatedImages?: readonly string[];
  config: ImagesConfig | undefined;
  registries: readonly RegistryConfig[];
  /** Digest per reference at the previous scan, for `image-tag-moved`. */
  previousDigests?: ReadonlyMap<string, string>;
  now?: Date;
  /**
   * A long-lived inspector (the backend keeps one), so manifests and configs cached by digest
   * serve every entity; by default one is made for this call.
   */
  inspector?: ImageInspector;
}): Promise<ImageResult[]> {
  const referenced = imageReferencesOf(
    options.results,
    options.annotatedImages,
  );
  const inspector =
    options.inspector ??
    createImageInspector({
      registries: options.registries,
      platform: options.config?.platform,
      limits: options.config?.limits,
    });
  const inspections = await inspector.inspectAll(
    referenced.map(r => r.reference),
  );
  return scoreImages(
    inspections.map((inspection, index) => ({
      inspection,
      usedBy: referenced[index].usedBy,
      previousDigest: options.previousDigests?.get(inspection.reference),
    })),
    { now: options.now ?? new Date(), ...imageRuleSettingsOf(options.config) },
  );
}
