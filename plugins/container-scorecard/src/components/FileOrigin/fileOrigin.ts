import type {
  ApiFileRendering,
  ApiFileSource,
  ApiRenderedFrom,
} from '@container-scorecard/plugin-container-scorecard-common';

/**
 * A path as its own source names it: without the `@<label>/` prefix a file of an extra source
 * carries in the API (the prefix keeps paths unique across sources; the label is shown apart).
 */
export function pathInSource(path: string, source?: ApiFileSource): string {
  const prefix = source ? `@${source.label}/` : undefined;
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

const list = (items: string[]) =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** How a rendered file was made, in a sentence: which overlay built it, which chart and values. */
export function renderingSentence(
  rendering: ApiFileRendering,
  source?: ApiFileSource,
): string {
  const unit = pathInSource(rendering.unit, source) || 'the repository root';
  if (rendering.renderer === 'kustomize')
    return `Built by kustomize from ${unit}`;
  if (rendering.renderer === 'helm') {
    const values = (rendering.valuesFiles ?? []).map(p =>
      pathInSource(p, source),
    );
    return `Rendered by Helm from the chart ${unit}, with ${
      values.length ? `the values of ${list(values)}` : 'its values.yaml'
    }`;
  }
  return `Rendered by ${rendering.renderer} from ${unit}`;
}

/**
 * Where a finding's text came from, when not from the line shown: the template line a Helm value
 * was written by, the overlay a Kustomize build was made from.
 */
export function renderedFromSentence(
  renderedFrom: ApiRenderedFrom,
  rendering: ApiFileRendering | undefined,
  source?: ApiFileSource,
): string | undefined {
  if (renderedFrom.renderer === 'kustomize') {
    const unit = rendering ? pathInSource(rendering.unit, source) : '';
    return `In the workload built by kustomize from ${
      unit || 'the repository root'
    }`;
  }
  const template = `${pathInSource(renderedFrom.path, source)}:${
    renderedFrom.range.start.line
  }`;
  // Without a values key the finding already points at the template line: nothing to add.
  return renderedFrom.valuesKey
    ? `The value is written into the template at ${template}`
    : undefined;
}
