import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type {
  FileResult,
  ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  createImageInspector,
  inspectAndScoreImages,
} from '@container-scorecard/plugin-container-scorecard-node';
import { annotatedImagesOf } from './annotatedImages';
import { readImagesOptions } from './readImagesOptions';

/** Inspects and scores the images of one entity, when image inspection is configured. */
export interface ImageInspectionService {
  readonly enabled: boolean;
  inspectEntity(options: {
    entity: Entity;
    results: readonly FileResult[];
    /** Digest per reference at the entity's previous scan, for `image-tag-moved`. */
    previousDigests?: ReadonlyMap<string, string>;
  }): Promise<ImageResult[]>;
}

/**
 * Reads `containerScorecard.images` once; each call inspects the entity's images through the
 * OCI Distribution API. Registry I/O is asynchronous and the rules are cheap, so this runs on the
 * scan task without holding the event loop; failures come back as "could not inspect" results.
 */
export function createImageInspectionService(
  config: Config,
): ImageInspectionService {
  const { enabled, images } = readImagesOptions(config);
  // One inspector for the plugin's lifetime: its digest caches serve every entity and scan, and
  // its bearer tokens are renewed when a registry answers 401 to an expired one.
  const inspector = enabled
    ? createImageInspector({
        registries: images?.registries ?? [],
        platform: images?.platform,
        limits: images?.limits,
      })
    : undefined;
  return {
    enabled,
    async inspectEntity({ entity, results, previousDigests }) {
      if (!inspector) return [];
      return inspectAndScoreImages({
        results,
        annotatedImages: annotatedImagesOf(entity),
        config: images,
        registries: images?.registries ?? [],
        previousDigests,
        inspector,
      });
    },
  };
}
