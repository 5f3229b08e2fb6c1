import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  imageRuleSettingsOf,
  scoreImages,
  type EntityImages,
  type FileResult,
  type ImageResult,
  type ImageUsage,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  DEFAULT_IMAGE_INSPECTION_LIMITS,
  createImageInspector,
  imageReferencesOf,
  type ImageInspector,
  type ReferencedImage,
} from '@container-scorecard/plugin-container-scorecard-node';
import { annotatedImagesOf } from './annotatedImages';
import { inspectWithinBudget } from './inspectWithinBudget';
import {
  planImageInspections,
  type NotInspectedImage,
} from './planImageInspections';
import { readImagesOptions } from './readImagesOptions';

/**
 * Registry conversations per entity at a time: enough to hide one slow registry's latency,
 * few enough that a scan's entities (themselves `concurrency` at a time) do not trip rate limits.
 */
export const IMAGE_INSPECTION_CONCURRENCY = 3;

/** One entity's images, inspected and scored. */
export interface EntityImagesOutcome {
  inspectedAt: Date;
  results: ImageResult[];
  notInspected: NotInspectedImage[];
}

/** Inspects and scores the images of one entity, when image inspection is configured. */
export interface ImageInspectionService {
  readonly enabled: boolean;
  /** Undefined when image inspection is off: nothing was asked of any registry. */
  inspectEntity(options: {
    entity: Entity;
    results: readonly FileResult[];
    /** Digest per reference at the entity's previous scan, for `image-tag-moved`. */
    previousDigests?: ReadonlyMap<string, string>;
    /** How long this entity's images may take in all (the scan's per-entity timeout). */
    budgetMs: number;
  }): Promise<EntityImagesOutcome | undefined>;
  /**
   * Inspects again the images of a stored result whose repository has not changed: tags move
   * without any commit. The definitions' references are the stored ones, the annotation's are read
   * again (the catalog may have changed it); references the definitions left uninspected stay as
   * they were. Undefined when image inspection is off.
   */
  reinspect(options: {
    entity: Entity;
    stored: EntityImages;
    previousDigests?: ReadonlyMap<string, string>;
    budgetMs: number;
  }): Promise<EntityImagesOutcome | undefined>;
}

/**
 * Reads `containerScorecard.images` once; each call inspects the entity's images through the
 * OCI Distribution API. Registry I/O is asynchronous and the rules are cheap, so this runs on the
 * scan task without holding the event loop; failures come back as "could not inspect" results
 * and references no registry is asked about as "not inspected", each with its reason.
 */
export function createImageInspectionService(
  config: Config,
  testing: { inspector?: ImageInspector; now?: () => Date } = {},
): ImageInspectionService {
  const { enabled, images } = readImagesOptions(config);
  const registries = images?.registries ?? [];
  const maxImagesPerEntity =
    images?.limits?.maxImagesPerEntity ??
    DEFAULT_IMAGE_INSPECTION_LIMITS.maxImagesPerEntity;
  // One inspector for the plugin's lifetime: its digest caches serve every entity and scan, and
  // its bearer tokens are renewed when a registry answers 401 to an expired one.
  const inspector = enabled
    ? testing.inspector ??
      createImageInspector({
        registries,
        platform: images?.platform,
        limits: images?.limits,
      })
    : undefined;
  const now = testing.now ?? (() => new Date());
  const ruleSettings = imageRuleSettingsOf(images);
  async function inspectReferenced(
    activeInspector: ImageInspector,
    referenced: readonly ReferencedImage[],
    options: {
      previousDigests?: ReadonlyMap<string, string>;
      budgetMs: number;
      alreadyNotInspected?: readonly NotInspectedImage[];
    },
  ): Promise<EntityImagesOutcome> {
    const { previousDigests, budgetMs } = options;
    const plan = planImageInspections(referenced, {
      registries,
      maxImagesPerEntity,
    });
    const { inspections, skipped } = await inspectWithinBudget(
      activeInspector,
      plan.toInspect.map(image => image.reference),
      { concurrency: IMAGE_INSPECTION_CONCURRENCY, budgetMs },
    );
    const usedBy = new Map(
      plan.toInspect.map(image => [image.reference, image.usedBy]),
    );
    const inspectedAt = now();
    return {
      inspectedAt,
      results: scoreImages(
        inspections.map(inspection => ({
          inspection,
          usedBy: usedBy.get(inspection.reference) ?? [],
          previousDigest: previousDigests?.get(inspection.reference),
        })),
        { now: inspectedAt, ...ruleSettings },
      ),
      notInspected: [
        ...(options.alreadyNotInspected ?? []),
        ...plan.notInspected,
        ...skipped.map(reference => ({
          reference,
          reason: `the entity's images took longer than their ${budgetMs} ms budget before it was reached`,
        })),
      ],
    };
  }

  return {
    enabled,
    async inspectEntity({ entity, results, previousDigests, budgetMs }) {
      if (!inspector) return undefined;
      const referenced = imageReferencesOf(results, annotatedImagesOf(entity));
      return inspectReferenced(inspector, referenced, {
        previousDigests,
        budgetMs,
      });
    },
    async reinspect({ entity, stored, previousDigests, budgetMs }) {
      if (!inspector) return undefined;
      const referenced = storedReferencesWith(
        stored.results,
        annotatedImagesOf(entity),
      );
      const known = new Set(referenced.map(image => image.reference));
      return inspectReferenced(inspector, referenced, {
        previousDigests,
        budgetMs,
        alreadyNotInspected: stored.notInspected.filter(
          image => !known.has(image.reference),
        ),
      });
    },
  };
}

/** The stored images' definition usages, with the annotation's current images. */
function storedReferencesWith(
  stored: readonly ImageResult[],
  annotated: readonly string[],
): ReferencedImage[] {
  const byReference = new Map<string, Set<ImageUsage>>();
  for (const image of stored) {
    const usages = image.usedBy.filter(usage => usage !== 'annotation');
    if (usages.length) byReference.set(image.reference, new Set(usages));
  }
  for (const reference of annotated) {
    const usages = byReference.get(reference) ?? new Set<ImageUsage>();
    usages.add('annotation');
    byReference.set(reference, usages);
  }
  return [...byReference].map(([reference, usedBy]) => ({
    reference,
    usedBy: [...usedBy],
  }));
}
