import { helmRenderer } from '../../parsing/helm/helmRenderer';
import { createKustomizeRenderer } from '../../parsing/kustomize/kustomizeRenderer';
import type { SourceRenderer } from './renderedSources';

/** The renderers every engine runs, in order: a file claimed by one is not seen by the next. */
export const builtInRenderers: readonly SourceRenderer[] = [
  helmRenderer,
  createKustomizeRenderer(),
];
