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
import { assembleOutput, formatKeyPath } from './provenance';
import {
  TemplateError,
  UnsupportedTemplateFeature,
  type ParsedTemplate,
} from './templateAst';

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

/**
 * Renders a chart's own templates with its `values.yaml` and the given values files, as
 * `helm template` does with the release name `release-name` in namespace `default`. Each
 * template renders on its own: one that fails is reported, the others are still scored.
 */
export function renderHelmChart(input: HelmChartInput): RenderOutcome {
  const { root, read, limits } = input;
  const chartPath = join(root, 'Chart.yaml');
  let metadata: unknown;
  try {
    metadata = parseYaml(read(chartPath) ?? '', { maxAliasCount: 100 });
  } catch (error) {
    return renderError(
      `${chartPath} does not parse: ${(error as Error).message}`,
    );
  }
  if (!isGoMap(metadata) || typeof metadata.name !== 'string')
    return renderError(`${chartPath} has no chart name`);
  const chartName = metadata.name;
  const notes: string[] = [];

  // Values: the chart's values.yaml, then the entity's files, later ones winning.
  const valuesPaths = [join(root, 'values.yaml'), ...input.valuesFiles];
  const valuesFiles: ValuesFile[] = [];
  const values: GoMap = {};
  for (const path of valuesPaths) {
    const content = read(path);
    if (content === undefined) {
      if (path !== join(root, 'values.yaml'))
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
      return renderError(
        `The values file ${path} does not parse: ${parsed.error.message}`,
      );
    const document = parsed.documents[0];
    if (document && isGoMap(document.value)) {
      coalesceValues(values, document.value);
      valuesFiles.push({ path, document });
    } else if (
      document &&
      document.value !== null &&
      document.value !== undefined
    ) {
      return renderError(`The values file ${path} is not a map of values`);
    }
  }

  notes.push(...subchartNotes(metadata, input));

  // Parse every template: definitions from any file are visible to all, as in Helm.
  const templatesDir = join(root, 'templates/');
  const runtime = new TemplateRuntime(limits);
  runtime.valuesRoot = values;
  const sources = new Map<string, string>();
  const parsedTemplates: ParsedTemplate[] = [];
  const failures: { path: string; error: AnalysisError }[] = [];
  for (const path of [...input.paths].sort()) {
    if (!path.startsWith(templatesDir)) continue;
    const text = read(path);
    if (text === undefined) continue;
    const relative = path.slice(root ? root.length + 1 : 0);
    const name = `${chartName}/${relative}`;
    const isPartial = /(^|\/)_[^/]*$/.test(path);
    const isNotes = input.includeNotes && path === `${templatesDir}NOTES.txt`;
    if (!isPartial && !isNotes && !/\.(ya?ml|tpl)$/i.test(path)) continue; // NOTES.txt, READMEs
    sources.set(path, text);
    try {
      const parsed = parseTemplate(
        { path, name, text },
        limits.maxTemplateDepth,
      );
      runtime.addTemplate(parsed, true);
      if (!isPartial && (isNotes || /\.ya?ml$/i.test(path)))
        parsedTemplates.push(parsed);
    } catch (error) {
      const reason = templateFailure(error, path, text);
      if (isPartial) return { status: 'could-not-analyse', error: reason };
      failures.push({ path, error: reason });
    }
  }

  const resolveValue = createValueResolver(valuesFiles);
  const outputs: RenderedOutput[] = [];
  const capabilities = {
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
  const files = {
    Get: (name: unknown) => read(join(root, String(name))) ?? '',
    GetBytes: (name: unknown) => read(join(root, String(name))) ?? '',
    Lines: (name: unknown) =>
      (read(join(root, String(name))) ?? '').split('\n'),
    Glob: () => {
      throw new UnsupportedTemplateFeature('.Files.Glob');
    },
    AsConfig: () => {
      throw new UnsupportedTemplateFeature('.Files.AsConfig');
    },
    AsSecrets: () => {
      throw new UnsupportedTemplateFeature('.Files.AsSecrets');
    },
  };
  for (const template of parsedTemplates) {
    const { path, name, text } = template.source;
    const context: GoMap = {
      Values: values,
      Chart: chartObject(metadata),
      Release: {
        Name: 'release-name',
        Namespace: 'default',
        Service: 'Helm',
        IsInstall: true,
        IsUpgrade: false,
        Revision: 1,
      },
      Capabilities: capabilities,
      Template: { Name: name, BasePath: `${chartName}/templates` },
      Files: files,
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
      failures.push({ path, error: templateFailure(error, path, text) });
      if (error instanceof TemplateError && error.limit) break;
      continue;
    }
    const output = assembleOutput(segments, sources, resolveValue);
    if (!output.content.trim()) continue;
    outputs.push({ path, ...output });
  }
  return {
    status: 'rendered',
    outputs,
    failures,
    notes,
    valuesFiles: valuesFiles.map(file => file.path),
  };
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
        const location = files[i].document.locate(prefix);
        if (!location) continue;
        const singleLine =
          location.range.start.line === location.range.end.line;
        found = {
          path: files[i].path,
          key: formatKeyPath(prefix),
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

/** What the user should know about the chart's dependencies: they are not rendered. */
function subchartNotes(metadata: GoMap, input: HelmChartInput): string[] {
  const declared = Array.isArray(metadata.dependencies)
    ? metadata.dependencies
        .filter(isGoMap)
        .map(d => String(d.alias ?? d.name ?? ''))
    : [];
  const chartsDir = join(input.root, 'charts/');
  const vendored = new Set(
    input.paths
      .filter(p => p.startsWith(chartsDir) && p.endsWith('/Chart.yaml'))
      .map(p => p.slice(chartsDir.length).split('/')[0]),
  );
  const notes: string[] = [];
  for (const name of declared) {
    if (!name || vendored.has(name)) continue;
    notes.push(
      `The subchart ${name} was not rendered: it is a dependency not vendored in charts/ (run helm dependency build and commit it to score it).`,
    );
  }
  for (const name of vendored) {
    notes.push(
      `The vendored subchart ${name} (charts/${name}) was not rendered: only the chart's own templates are scored.`,
    );
  }
  return notes;
}
