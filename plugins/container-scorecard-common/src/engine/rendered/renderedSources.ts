/*
 * Rendered sources: files that are not deployed as written, but rendered first (a Helm chart, a
 * Kustomize overlay). What is deployed is what must be scored, so the engine renders them before
 * analysis. The step runs before file analysis, in `analyzeRepository`:
 *
 * 1. Each `SourceRenderer` groups the repository's files into render units (`findUnits`): a Helm
 *    chart is a directory with `Chart.yaml` and `templates/`; a Kustomize overlay a directory with
 *    `kustomization.yaml`. A unit lists every file it reads (`sourcePaths`): none of them is then
 *    analysed as a standalone manifest (a template, a values file, a patch, a base used by an
 *    overlay).
 * 2. Each unit is rendered (`render`) into outputs: Kubernetes YAML reported under a source path
 *    (a Helm template; an overlay's kustomization.yaml), with the provenance of every output line:
 *    the source file and line it came from and, when its text came from a value (a Helm values
 *    file, a Kustomize patch), that file, key and range. A failure is "could not analyse" with a
 *    reason a person can act on (`Helm function X is not supported`), never a YAML parse error.
 * 3. The outputs are analysed as Kubernetes manifests by the same rules as any file; the
 *    findings' ranges are then mapped back through the provenance (`mapRenderedResult`): a finding
 *    points where the fix goes (the values file's key when the value came from there, otherwise
 *    the template line) and keeps `renderedFrom` (template, line, the rendered text).
 *
 * Renderers are pure and synchronous, like the rest of the engine, and every one of them must be
 * bounded in time and output on hostile input (`RenderLimits`).
 */
import type { AnalysisError, SourceRange } from '../../model/types';

/**
 * A file of the repository as the renderers see it (listed-only files have no content).
 *
 * @public
 */
export interface RenderSourceFile {
  path: string;
  content?: string;
}

/**
 * A group of files rendered together: one Helm chart, one Kustomize overlay.
 *
 * @public
 */
export interface RenderUnit {
  /** The renderer's id (`helm`, `kustomize`). */
  renderer: string;
  /** The unit's directory relative to the repository root (`''` for the root itself). */
  root: string;
  /** Where a result about the whole unit is reported (`Chart.yaml`, `kustomization.yaml`). */
  primaryPath: string;
  /** Every file the unit reads: none of them is analysed as a standalone manifest. */
  sourcePaths: readonly string[];
}

/**
 * Where a value in rendered output came from: a values file and its key.
 *
 * @public
 */
export interface RenderedValueOrigin {
  /** The values file (`charts/api/values.yaml`), relative to the repository root. */
  path: string;
  /** The dotted key (`securityContext.privileged`). */
  key: string;
  /** The key and its value in that file. */
  range: SourceRange;
}

/**
 * Where one line of rendered output came from.
 *
 * @public
 */
export interface RenderedLineOrigin {
  /** The source file that wrote the line (a template), relative to the repository root. */
  path: string;
  /** 1-based line in that file. */
  line: number;
  /** Set when the line's text came from a value (`{{ .Values.x }}`, `toYaml .Values.x`). */
  value?: RenderedValueOrigin;
}

/**
 * One rendered manifest, reported under the source file that produced it.
 *
 * @public
 */
export interface RenderedOutput {
  /** The source file the result is reported under (a template), relative to the repository. */
  path: string;
  /** The rendered YAML. */
  content: string;
  /** `lineOrigins[i]` is where rendered line `i + 1` came from; `undefined` when unknown. */
  lineOrigins: readonly (RenderedLineOrigin | undefined)[];
}

/**
 * What rendering a unit gave.
 *
 * @public
 */
export type RenderOutcome =
  | {
      status: 'rendered';
      outputs: RenderedOutput[];
      /** Sources of the unit that failed on their own (a template): could not analyse. */
      failures: { path: string; error: AnalysisError }[];
      /** What the user should know about the render (subcharts not rendered, values used). */
      notes: string[];
      /** The values files used, in order (Helm). */
      valuesFiles?: string[];
    }
  | { status: 'could-not-analyse'; error: AnalysisError };

/**
 * Bounds of one render: every renderer must stay within them on hostile input.
 *
 * @public
 */
export interface RenderLimits {
  /** Bytes of rendered output per unit. */
  maxRenderedBytes: number;
  /** Depth of nested template calls, includes and blocks. */
  maxTemplateDepth: number;
  /** Template actions executed per unit (each pipeline, each range iteration). */
  maxTemplateSteps: number;
}

/**
 * The per-entity choices a render takes.
 *
 * @public
 */
export interface RenderOptions {
  /**
   * Helm values files (relative to the repository root) applied after each chart's own
   * `values.yaml`, in order. A file outside a chart applies to every chart of the repository.
   */
  helmValuesFiles?: readonly string[];
  /**
   * What a configured `helm` binary rendered, by chart directory (`''` for the root): the
   * engine is synchronous and cannot run a process, so the caller runs `helm template` first
   * (`containerScorecard.helm.command`, `--helm-command`) and the Helm renderer maps its output
   * instead of rendering the chart itself.
   */
  helmCommandResults?: Readonly<Record<string, HelmCommandResult>>;
}

/**
 * The outcome of running `helm template` on one chart.
 *
 * @public
 */
export type HelmCommandResult =
  | {
      status: 'rendered';
      /** Standard output: the rendered documents, each after its `# Source:` comment. */
      output: string;
      /** The values files passed with `-f`, in order (repository paths). */
      valuesFiles: string[];
      /** How the command was run, for the result's notes (`helm template release-name ...`). */
      commandLine: string;
    }
  | { status: 'failed'; error: AnalysisError };

/**
 * Renders one kind of source. Pure and synchronous.
 *
 * @public
 */
export interface SourceRenderer {
  readonly id: string;
  /**
   * Groups the files into units. Files of no unit are analysed as usual. `options` lets a
   * unit claim the extra files it will read (an entity's Helm values files).
   */
  findUnits(
    files: readonly RenderSourceFile[],
    options: RenderOptions,
  ): RenderUnit[];
  render(
    unit: RenderUnit,
    context: {
      /** The content of a repository file, `undefined` when it was not read. */
      read(path: string): string | undefined;
      options: RenderOptions;
      limits: RenderLimits;
    },
  ): RenderOutcome;
}
