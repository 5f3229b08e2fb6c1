import { parse as parseYaml } from 'yaml';
import type {
  RenderedOutput,
  RenderedValueOrigin,
  RenderLimits,
  RenderOutcome,
} from '../../engine/rendered/renderedSources';
import type { AnalysisError } from '../../model/types';
import { LineIndex } from '../../text/LineIndex';
import {
  parseYamlDocuments,
  type YamlDocumentModel,
} from '../yaml/parseYamlDocuments';
import { TemplateRuntime, type OutputSegment } from './executeTemplate';
import { deepCopy, isGoMap, type GoMap } from './goValues';
import { parseTemplate } from './parseTemplate';
import { chartFiles } from './chartFiles';
import { assembleOutput, formatKeyPath } from './provenance';
import { TemplateError, type ParsedTemplate } from './templateAst';

/** The Kubernetes version `helm template` assumes without a cluster (Helm 3.16). */
export const HELM_KUBE_VERSION = { major: '1', minor: '31' };

/** API versions `.Capabilities.APIVersions.Has` answers true for, as `helm template` does. */
const BUILT_IN_API_VERSIONS = new Set([
  'v1',
  'apps/v1',
  'batch/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'policy/v1',
  'networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'certificates.k8s.io/v1',
  'events.k8s.io/v1',
  'node.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1',
  'authentication.k8s.io/v1',
  'authorization.k8s.io/v1',
]);

/** `.Capabilities` as `helm template` gives it without a cluster. */
const CAPABILITIES = {
  KubeVersion: {
    Version: `v${HELM_KUBE_VERSION.major}.${HELM_KUBE_VERSION.minor}.0`,
    GitVersion: `v${HELM_KUBE_VERSION.major}.${HELM_KUBE_VERSION.minor}.0`,
    Major: HELM_KUBE_VERSION.major,
    Minor: HELM_KUBE_VERSION.minor,
  },
  APIVersions: {
    Has: (version: unknown) => BUILT_IN_API_VERSIONS.has(String(version)),
  },
  HelmVersion: { Version: 'v3.16.0' },
};

/** A chart to render: its files, by repository path. */
export interface HelmChartInput {
  /** The chart's directory, relative to the repository root (`''` for the root). */
  root: string;
  /** Repository paths of the chart's files. */
  paths: readonly string[];
  read(path: string): string | undefined;
  /** Values files applied after the chart's `values.yaml`, in order (repository paths). */
  valuesFiles: readonly string[];
  limits: RenderLimits;
  /** Render `templates/NOTES.txt` too (Helm renders it but does not deploy it): for tests. */
  includeNotes?: boolean;
}

const join = (root: string, path: string) => (root ? `${root}/${path}` : path);

function renderError(message: string): RenderOutcome {
  return {
    status: 'could-not-analyse',
    error: { code: 'render-error', message },
  };
}

interface ValuesFile {
  path: string;
  document: YamlDocumentModel;
  /** Where this file's values sit above the chart's (a parent's values at a subchart's name). */
  prefix?: string[];
}

/** Helm's coalescing of values: later files win, maps merge, `null` deletes a key. */
function coalesceValues(target: GoMap, source: GoMap) {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === null) delete target[key];
    else if (isGoMap(value) && isGoMap(target[key]))
      coalesceValues(target[key] as GoMap, value);
    else target[key] = deepCopy(value);
  }
}

/** `.Chart`: the chart's metadata under Helm's field names. */
function chartObject(metadata: GoMap): GoMap {
  const fields: GoMap = {
    Name: '',
    Home: '',
    Version: '',
    Description: '',
    Icon: '',
    APIVersion: '',
    Condition: '',
    Tags: '',
    AppVersion: '',
    Deprecated: false,
    KubeVersion: '',
    Type: '',
    Sources: [],
    Keywords: [],
    Maintainers: [],
    Annotations: {},
    Dependencies: [],
  };
  for (const [key, value] of Object.entries(metadata)) {
    const name =
      key === 'apiVersion' ? 'APIVersion' : key[0].toUpperCase() + key.slice(1);
    fields[name] = value;
  }
  return fields;
}

/** A chart or a vendored subchart being rendered: its metadata, values and templates. */
interface ChartLevel {
  root: string;
  /** Helm's name prefix of its templates (`app`, `app/charts/postgresql`). */
  templatePrefix: string;
  metadata: GoMap;
  values: GoMap;
  valuesFiles: ValuesFile[];
  templates: ParsedTemplate[];
}

/** How deep vendored subcharts of subcharts are rendered. */
const MAX_SUBCHART_DEPTH = 5;

/**
 * Renders a chart's templates, and those of the subcharts vendored in its `charts/`, with its
 * `values.yaml` and the given values files, as `helm template` does with the release name
 * `release-name` in namespace `default`. A subchart's values are its own `values.yaml` under the
 * parent's values at its name (or alias), plus `global`. Each template renders on its own: one
 * that fails is reported, the others are still scored.
 */
export function renderHelmChart(input: HelmChartInput): RenderOutcome {
  const { read, limits } = input;
  const notes: string[] = [];
  const runtime = new TemplateRuntime(limits);
  const sources = new Map<string, string>();
  const failures: { path: string; error: AnalysisError }[] = [];
  const levels: ChartLevel[] = [];
  /** Dependencies declared but not vendored: their definitions are missing. */
  const missingDependencies: string[] = [];

  /** Loads a chart level and, recursively, its enabled vendored subcharts. */
  function load(
    root: string,
    templatePrefix: string | undefined,
    values: GoMap,
    valuesFiles: ValuesFile[],
    depth: number,
  ): { error: string } | undefined {
    const chartPath = join(root, 'Chart.yaml');
    let metadata: unknown;
    try {
      // Helm reads Chart.yaml into string fields: `appVersion: 1.10` is "1.10", not 1.1.
      metadata = parseYaml(read(chartPath) ?? '', {
        maxAliasCount: 100,
        schema: 'failsafe',
      });
    } catch (error) {
      return {
        error: `${chartPath} does not parse: ${(error as Error).message}`,
      };
    }
    if (!isGoMap(metadata) || typeof metadata.name !== 'string')
      return { error: `${chartPath} has no chart name` };
    const prefix = templatePrefix ?? metadata.name;
    const level: ChartLevel = {
      root,
      templatePrefix: prefix,
      metadata,
      values,
      valuesFiles,
      templates: [],
    };
    levels.push(level);
    const templatesDir = join(root, 'templates/');
    for (const path of [...input.paths].sort()) {
      if (!path.startsWith(templatesDir)) continue;
      const text = read(path);
      if (text === undefined) continue;
      const name = `${prefix}/${path.slice(
        templatesDir.length - 'templates/'.length,
      )}`;
      const isPartial = /(^|\/)_[^/]*$/.test(path);
      const isNotes =
        input.includeNotes &&
        depth === 0 &&
        path === `${templatesDir}NOTES.txt`;
      if (!isPartial && !isNotes && !/\.(ya?ml|tpl)$/i.test(path)) continue; // NOTES.txt, READMEs
      sources.set(path, text);
      try {
        const parsed = parseTemplate(
          { path, name, text },
          limits.maxTemplateDepth,
        );
        runtime.addTemplate(parsed, true);
        // A library chart only lends its definitions: Helm renders none of its templates.
        const isLibrary = metadata.type === 'library';
        if (!isPartial && !isLibrary && (isNotes || /\.ya?ml$/i.test(path)))
          level.templates.push(parsed);
      } catch (error) {
        const reason = templateFailure(error, path, text);
        if (isPartial) return { error: reason.message };
        failures.push({ path, error: reason });
      }
    }
    for (const sub of subchartsOf(metadata, root, input.paths, values)) {
      if (sub.note) notes.push(sub.note);
      if (sub.missing) missingDependencies.push(sub.name);
      if (!sub.root) continue;
      if (depth + 1 > MAX_SUBCHART_DEPTH) {
        notes.push(
          `The subchart ${sub.name} was not rendered: subcharts nest deeper than ${MAX_SUBCHART_DEPTH}.`,
        );
        continue;
      }
      const loaded = loadValues([join(sub.root, 'values.yaml')], read, notes);
      if ('error' in loaded) return loaded;
      const subValues = loaded.values;
      const fromParent = values[sub.name];
      if (isGoMap(fromParent)) coalesceValues(subValues, fromParent);
      const global = isGoMap(subValues.global) ? subValues.global : {};
      if (isGoMap(values.global)) coalesceValues(global, values.global);
      subValues.global = global;
      const subFiles = [
        ...loaded.files,
        ...valuesFiles.map(file => ({
          ...file,
          prefix: [...(file.prefix ?? []), sub.name],
        })),
      ];
      const failed = load(
        sub.root,
        `${prefix}/charts/${sub.directory}`,
        subValues,
        subFiles,
        depth + 1,
      );
      if (failed) return failed;
    }
    return undefined;
  }

  const root = input.root;
  const loadedValues = loadValues(
    [join(root, 'values.yaml'), ...input.valuesFiles],
    read,
    notes,
  );
  if ('error' in loadedValues) return renderError(loadedValues.error);
  // Helm always gives a chart a `global` map, so `.Values.global.x` never fails on it.
  if (!isGoMap(loadedValues.values.global)) loadedValues.values.global = {};
  const failed = load(
    root,
    undefined,
    loadedValues.values,
    loadedValues.files,
    0,
  );
  if (failed) return renderError(failed.error);

  const outputs: RenderedOutput[] = [];
  // A template past a limit fails, and so does each one after it (the budget is the chart's):
  // every template is accounted for, none silently left out.
  for (const level of levels) {
    runtime.valuesRoot = level.values;
    const resolveValue = createValueResolver(level.valuesFiles);
    const chart = chartObject(level.metadata);
    for (const template of level.templates) {
      const { path, name, text } = template.source;
      const context: GoMap = {
        Values: level.values,
        Chart: chart,
        Release: {
          Name: 'release-name',
          Namespace: 'default',
          Service: 'Helm',
          IsInstall: true,
          IsUpgrade: false,
          Revision: 1,
        },
        Capabilities: CAPABILITIES,
        Template: { Name: name, BasePath: `${level.templatePrefix}/templates` },
        Files: filesObject(level.root, input.paths, read),
        Subcharts: {},
      };
      const segments: OutputSegment[] = [];
      try {
        runtime.execute(
          template.source,
          template.body,
          { v: context },
          segments,
          0,
        );
      } catch (error) {
        const failure = templateFailure(error, path, text);
        if (
          missingDependencies.length &&
          /^no template "/.test(failure.message)
        )
          failure.message += `: it is probably defined by ${missingDependencies.join(
            ', ',
          )}, a dependency not vendored in charts/ (run helm dependency build and commit the unpacked chart)`;
        failures.push({ path, error: failure });
        continue;
      }
      const output = assembleOutput(segments, sources, resolveValue);
      if (!output.content.trim()) continue;
      outputs.push({ path, ...output });
    }
  }
  return {
    status: 'rendered',
    outputs,
    failures,
    notes,
    valuesFiles: loadedValues.files.map(file => file.path),
  };
}

/** `.Files` of a chart: the chart's files by their path in the chart, with Helm's methods. */
function filesObject(
  root: string,
  paths: readonly string[],
  read: (path: string) => string | undefined,
) {
  const prefix = root ? `${root}/` : '';
  const files = new Map<string, string>();
  for (const path of paths) {
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    // A chart's files are its own: not its templates' and not its subcharts'.
    if (relative.startsWith('templates/') || relative.startsWith('charts/'))
      continue;
    files.set(relative, read(path) ?? '');
  }
  return chartFiles(files);
}

/**
 * A values file's values as Helm reads them (go-yaml v2, YAML 1.1): `enabled: no` is false,
 * `mode: 0644` is 420, merge keys (`<<: *defaults`) merge; dates stay strings. The positions
 * come from the engine's own parse of the same file.
 */
function valuesAsHelmReadsThem(content: string): GoMap | string {
  try {
    const value = parseYaml(content, {
      version: '1.1',
      merge: true,
      maxAliasCount: 100,
      customTags: tags =>
        tags.filter(
          tag =>
            typeof tag === 'string' ||
            (tag.tag !== 'tag:yaml.org,2002:timestamp' &&
              tag.tag !== 'tag:yaml.org,2002:binary'),
        ),
    });
    return isGoMap(value) ? value : {};
  } catch (error) {
    return String((error as Error).message);
  }
}

/** Parses and coalesces values files in order; a missing file other than the first is a note. */
function loadValues(
  paths: readonly string[],
  read: (path: string) => string | undefined,
  notes: string[],
): { values: GoMap; files: ValuesFile[] } | { error: string } {
  const values: GoMap = {};
  const files: ValuesFile[] = [];
  for (const [index, path] of paths.entries()) {
    const content = read(path);
    if (content === undefined) {
      if (index > 0)
        notes.push(
          `The values file ${path} was not found: the chart was rendered without it.`,
        );
      continue;
    }
    const parsed = parseYamlDocuments(content, new LineIndex(content), {
      maxAliasCount: 100,
      maxDocuments: 1,
    });
    if (!parsed.ok)
      return {
        error: `The values file ${path} does not parse: ${parsed.error.message}`,
      };
    const document = parsed.documents[0];
    if (document && isGoMap(document.value)) {
      const helmValue = valuesAsHelmReadsThem(content);
      if (typeof helmValue === 'string')
        return {
          error: `The values file ${path} does not parse: ${helmValue}`,
        };
      coalesceValues(values, helmValue);
      files.push({ path, document });
    } else if (
      document &&
      document.value !== null &&
      document.value !== undefined
    ) {
      return { error: `The values file ${path} is not a map of values` };
    }
  }
  return { values, files };
}

function templateFailure(
  error: unknown,
  path: string,
  text: string,
): AnalysisError {
  if (error instanceof TemplateError) {
    const line =
      error.offset !== undefined
        ? new LineIndex(text).positionAt(error.offset).line
        : undefined;
    return {
      code: 'render-error',
      message: `${error.message} (${path}${line ? `, line ${line}` : ''})`,
    };
  }
  return {
    code: 'render-error',
    message: `The template could not be rendered: ${String(
      (error as Error)?.message ?? error,
    )} (${path})`,
  };
}

/** The last values file that sets a key (or its closest parent) is where the value came from. */
function createValueResolver(files: ValuesFile[]) {
  const cache = new Map<string, RenderedValueOrigin | undefined>();
  return (keyPath: (string | number)[]): RenderedValueOrigin | undefined => {
    const cacheKey = JSON.stringify(keyPath);
    if (cache.has(cacheKey)) return cache.get(cacheKey);
    let found: RenderedValueOrigin | undefined;
    for (let length = keyPath.length; length > 0 && !found; length--) {
      const prefix = keyPath.slice(0, length);
      for (let i = files.length - 1; i >= 0 && !found; i--) {
        const location = files[i].document.locate([
          ...(files[i].prefix ?? []),
          ...prefix,
        ]);
        if (!location) continue;
        const singleLine =
          location.range.start.line === location.range.end.line;
        found = {
          path: files[i].path,
          key: formatKeyPath([...(files[i].prefix ?? []), ...prefix]),
          range: singleLine
            ? location.pairRange
            : location.keyRange ?? location.range,
        };
      }
    }
    cache.set(cacheKey, found);
    return found;
  };
}

/**
 * The chart's subcharts: vendored ones (`charts/<dir>/Chart.yaml`) to render, unless a
 * dependency's `condition` turns them off; dependencies not vendored are a note.
 */
function subchartsOf(
  metadata: GoMap,
  root: string,
  paths: readonly string[],
  values: GoMap,
): {
  name: string;
  directory: string;
  root?: string;
  note?: string;
  missing?: boolean;
}[] {
  const chartsDir = join(root, 'charts/');
  const vendored = new Map<string, string>(); // chart name -> directory
  for (const path of paths) {
    if (!path.startsWith(chartsDir) || !path.endsWith('/Chart.yaml')) continue;
    const directory = path.slice(chartsDir.length, -'/Chart.yaml'.length);
    if (directory.includes('/')) continue; // a subchart's own subcharts: its level finds them
    vendored.set(directory, directory);
  }
  const dependencies = Array.isArray(metadata.dependencies)
    ? metadata.dependencies.filter(isGoMap)
    : [];
  const result: {
    name: string;
    directory: string;
    root?: string;
    note?: string;
    missing?: boolean;
  }[] = [];
  const seen = new Set<string>();
  for (const dependency of dependencies) {
    const chart = String(dependency.name ?? '');
    const name = String(dependency.alias ?? chart);
    if (!chart) continue;
    seen.add(chart);
    if (!vendored.has(chart)) {
      result.push({
        name,
        directory: chart,
        missing: true,
        note: `The subchart ${name} was not rendered: it is a dependency not vendored in charts/ (run helm dependency build and commit it to score it).`,
      });
      continue;
    }
    if (!conditionHolds(dependency.condition, values)) {
      result.push({
        name,
        directory: chart,
        note: `The subchart ${name} is turned off by its condition ${String(
          dependency.condition,
        )}: not rendered.`,
      });
      continue;
    }
    result.push({
      name,
      directory: chart,
      root: join(root, `charts/${chart}`),
    });
  }
  for (const directory of vendored.keys()) {
    if (seen.has(directory)) continue;
    result.push({
      name: directory,
      directory,
      root: join(root, `charts/${directory}`),
    });
  }
  return result;
}

/** Helm's dependency `condition`: the first path that is set to a boolean decides; none, enabled. */
function conditionHolds(condition: unknown, values: GoMap): boolean {
  if (typeof condition !== 'string' || !condition.trim()) return true;
  for (const path of condition.split(',')) {
    let current: unknown = values;
    for (const step of path.trim().split('.')) {
      current = isGoMap(current) ? current[step] : undefined;
    }
    if (typeof current === 'boolean') return current;
  }
  return true;
}
