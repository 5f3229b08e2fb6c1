import type { Entity } from '@backstage/catalog-model';
import type { RenderOptions } from '@container-scorecard/plugin-container-scorecard-common';

/**
 * Helm values files applied after each chart's own `values.yaml`, in order: a comma- or
 * newline-separated list of paths relative to the repository
 * (`container-scorecard.io/helm-values: deploy/values-prod.yaml`).
 */
export const ANNOTATION_HELM_VALUES = 'container-scorecard.io/helm-values';

const MAX_FILES = 20;
const MAX_LENGTH = 2048;

/** The entity's values files, or the reason the annotation is unusable. */
export function helmValuesOf(entity: Entity): string[] | { invalid: string } {
  const value = entity.metadata.annotations?.[ANNOTATION_HELM_VALUES];
  if (value === undefined) return [];
  if (typeof value !== 'string' || value.length > MAX_LENGTH)
    return {
      invalid: `${ANNOTATION_HELM_VALUES} must be a short list of paths`,
    };
  const paths = value
    .split(/[,\n]/)
    .map(path => path.trim().replace(/^\.\//, ''))
    .filter(Boolean);
  if (paths.length > MAX_FILES)
    return {
      invalid: `${ANNOTATION_HELM_VALUES} lists more than ${MAX_FILES} files`,
    };
  const bad = paths.find(
    path =>
      path.startsWith('/') ||
      path.split('/').includes('..') ||
      path.includes('\\'),
  );
  if (bad)
    return {
      invalid: `${ANNOTATION_HELM_VALUES}: "${bad}" must be a path inside the repository, relative to its root`,
    };
  return paths;
}

/** Part of the source key: a result is reused only for the same values files. */
export function helmValuesKey(entity: Entity): string {
  const values = helmValuesOf(entity);
  return Array.isArray(values) && values.length
    ? `|helm-values=${values.join(',')}`
    : '';
}

/** The render options of an entity's analysis. */
export function renderOptionsOf(entity: Entity): RenderOptions | undefined {
  const values = helmValuesOf(entity);
  return Array.isArray(values) && values.length
    ? { helmValuesFiles: values }
    : undefined;
}
