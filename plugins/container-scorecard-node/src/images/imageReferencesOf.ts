import type {
  FileResult,
  ImageUsage,
} from '@container-scorecard/plugin-container-scorecard-common';

/** A distinct image reference of an entity, and every kind of definition that names it. */
export interface ReferencedImage {
  reference: string;
  usedBy: ImageUsage[];
}

/**
 * The images an entity's definitions run: the image a Dockerfile's final stage is built on
 * (builder stages do not run), compose `image:` and Kubernetes containers, plus the images an
 * annotation names. Each reference once, in order of first appearance.
 */
export function imageReferencesOf(
  results: readonly FileResult[],
  annotated: readonly string[] = [],
): ReferencedImage[] {
  const byReference = new Map<string, Set<ImageUsage>>();
  const add = (reference: string, usage: ImageUsage) => {
    const usages = byReference.get(reference) ?? new Set<ImageUsage>();
    usages.add(usage);
    byReference.set(reference, usages);
  };
  for (const result of results) {
    if (!result.kind) continue;
    for (const image of result.images) {
      if (result.kind === 'dockerfile' && !image.finalStageBase) continue;
      add(image.ref, result.kind);
    }
  }
  for (const reference of annotated) add(reference, 'annotation');
  return [...byReference].map(([reference, usedBy]) => ({
    reference,
    usedBy: [...usedBy],
  }));
}
