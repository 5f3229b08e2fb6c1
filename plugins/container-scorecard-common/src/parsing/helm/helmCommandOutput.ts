import type {
  HelmCommandResult,
  RenderedLineOrigin,
  RenderedOutput,
  RenderOutcome,
} from '../../engine/rendered/renderedSources';

const SOURCE_COMMENT = /^# Source: (.+?)\s*$/;
const DOCUMENT_SEPARATOR = /^---(\s.*)?$/;
const KEY_LINE = /^\s*(?:- )?("[^"]*"|'[^']*'|[^\s:#][^:#]*?):(\s|$)/;

const join = (root: string, path: string) => (root ? `${root}/${path}` : path);

/**
 * Where a line written by `helm template` came from in its template. Helm says only which
 * template wrote a document (`# Source:`), not which line: a line written the same way in the
 * template (literal text) is found there; a `key: value` line whose value came from a template
 * action is found by its key; anything else points at the template's first line.
 */
function lineFinder(template: string | undefined) {
  const lines = (template ?? '').split('\n').map(line => line.trim());
  const byText = new Map<string, number>();
  const byKey = new Map<string, number>();
  lines.forEach((text, i) => {
    if (!byText.has(text)) byText.set(text, i + 1);
    const key = KEY_LINE.exec(text)?.[1];
    if (key && !byKey.has(key)) byKey.set(key, i + 1);
  });
  return (rendered: string): number => {
    const text = rendered.trim();
    const exact = text ? byText.get(text) : undefined;
    if (exact !== undefined) return exact;
    const key = KEY_LINE.exec(text)?.[1];
    return (key && byKey.get(key)) || 1;
  };
}

/**
 * Maps what a `helm` binary rendered for a chart to the engine's rendered outputs: each document
 * is reported under the template its `# Source: <chart>/templates/x.yaml` comment names (the
 * chart's name is replaced by its directory), so findings land on the template files as with the
 * built-in renderer. Values-file origins are not known (Helm does not say where a value came
 * from): findings point at template lines. A failed run is "could not analyse" with its reason.
 */
export function helmCommandOutcome(
  chartRoot: string,
  primaryPath: string,
  result: HelmCommandResult,
  read: (path: string) => string | undefined,
): RenderOutcome {
  if (result.status === 'failed')
    return { status: 'could-not-analyse', error: result.error };
  const documents = new Map<string, string[]>();
  let current: string[] = [];
  let source = primaryPath;
  const flush = () => {
    if (current.some(line => line.trim() && !line.startsWith('#'))) {
      const lines = documents.get(source) ?? [];
      if (lines.length) lines.push('---');
      lines.push(...current);
      documents.set(source, lines);
    }
    current = [];
    source = primaryPath;
  };
  for (const line of result.output.split('\n')) {
    if (DOCUMENT_SEPARATOR.test(line)) {
      flush();
      continue;
    }
    const named = SOURCE_COMMENT.exec(line)?.[1];
    if (named && named.includes('/')) {
      // `<chart name>/templates/x.yaml`, `<chart name>/charts/db/templates/y.yaml`.
      source = join(chartRoot, named.slice(named.indexOf('/') + 1));
    }
    current.push(line);
  }
  flush();
  const outputs: RenderedOutput[] = [];
  for (const [path, lines] of documents) {
    const find = lineFinder(read(path));
    const lineOrigins: (RenderedLineOrigin | undefined)[] = lines.map(line => ({
      path,
      line: find(line),
    }));
    outputs.push({ path, content: lines.join('\n'), lineOrigins });
  }
  return {
    status: 'rendered',
    outputs,
    failures: [],
    notes: [
      `Rendered by \`${result.commandLine}\`; findings point at template lines, not values keys.`,
    ],
    ...(result.valuesFiles.length ? { valuesFiles: result.valuesFiles } : {}),
  };
}
