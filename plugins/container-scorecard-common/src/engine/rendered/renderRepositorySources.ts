import { DEFAULT_LIMITS } from '../../config/ScorecardConfig';
import type { AnalysisError, FileRendering } from '../../model/types';
import type {
  RenderedOutput,
  RenderLimits,
  RenderOptions,
  SourceRenderer,
} from './renderedSources';

/** What the rendering step gives the analysis. */
export interface RenderedSources {
  /** Files read by a unit: not analysed as standalone files. */
  consumed: ReadonlySet<string>;
  /** Rendered manifests to analyse, each under its source path. */
  outputs: { output: RenderedOutput; rendering: FileRendering }[];
  /** Units or sources that could not be rendered. */
  failures: { path: string; error: AnalysisError; rendering: FileRendering }[];
}

/** The render limits, from the engine's limits with defaults. */
export function renderLimitsOf(limits: Partial<RenderLimits>): RenderLimits {
  return {
    maxRenderedBytes:
      limits.maxRenderedBytes ?? DEFAULT_LIMITS.maxRenderedBytes,
    maxTemplateDepth:
      limits.maxTemplateDepth ?? DEFAULT_LIMITS.maxTemplateDepth,
    maxTemplateSteps:
      limits.maxTemplateSteps ?? DEFAULT_LIMITS.maxTemplateSteps,
  };
}

/**
 * Groups the repository's files into render units and renders them (see `renderedSources.ts`).
 * Never throws: a renderer that fails is a could-not-analyse result for its unit.
 */
export function renderRepositorySources(
  files: readonly { path: string; content?: string }[],
  renderers: readonly SourceRenderer[],
  options: RenderOptions,
  limits: RenderLimits,
): RenderedSources {
  const consumed = new Set<string>();
  const outputs: RenderedSources['outputs'] = [];
  const failures: RenderedSources['failures'] = [];
  if (renderers.length === 0) return { consumed, outputs, failures };
  const contents = new Map<string, string>();
  for (const file of files)
    if (file.content !== undefined) contents.set(file.path, file.content);
  const read = (path: string) => contents.get(path);
  for (const renderer of renderers) {
    const available = files.filter(file => !consumed.has(file.path));
    let units;
    try {
      units = renderer.findUnits(available, options);
    } catch (error) {
      continue; // a renderer that cannot group files leaves them to plain analysis
    }
    for (const unit of units) {
      for (const path of unit.sourcePaths) consumed.add(path);
      const rendering: FileRendering = {
        renderer: unit.renderer,
        unit: unit.root,
      };
      let outcome;
      try {
        outcome = renderer.render(unit, { read, options, limits });
      } catch (error) {
        outcome = {
          status: 'could-not-analyse' as const,
          error: {
            code: 'internal-error' as const,
            message: `The ${renderer.id} renderer failed: ${String(
              (error as Error)?.message ?? error,
            )}`,
          },
        };
      }
      if (outcome.status === 'could-not-analyse') {
        failures.push({
          path: unit.primaryPath,
          error: outcome.error,
          rendering,
        });
        continue;
      }
      const done: FileRendering = {
        ...rendering,
        ...(outcome.valuesFiles?.length
          ? { valuesFiles: outcome.valuesFiles }
          : {}),
        ...(outcome.notes.length ? { notes: outcome.notes } : {}),
      };
      for (const output of outcome.outputs)
        outputs.push({ output, rendering: done });
      for (const failure of outcome.failures)
        failures.push({ ...failure, rendering: done });
    }
  }
  return { consumed, outputs, failures };
}
