import type {
  FileRendering,
  FileResult,
  Finding,
  SourceRange,
} from '../../model/types';
import type { RenderedOutput } from './renderedSources';

const SNIPPET_MAX_CHARS = 300;

function lineRange(line: number, text: string): SourceRange {
  return {
    start: { line, column: 1 },
    end: { line, column: text.length + 1 },
  };
}

function linesOf(content: string | undefined, range: SourceRange): string {
  if (content === undefined) return '';
  const lines = content.split('\n');
  const end = Math.min(range.end.line, range.start.line + 2);
  const text = lines.slice(range.start.line - 1, end).join('\n');
  return text.length > SNIPPET_MAX_CHARS
    ? `${text.slice(0, SNIPPET_MAX_CHARS)}…`
    : text;
}

/**
 * Maps the result of a rendered manifest back to its sources: each finding points where the fix
 * goes (the values file's key when its value came from values, else the template line) and says
 * what was rendered from where; fixes are dropped (their edits are ranges of the rendered text).
 */
export function mapRenderedResult(
  result: FileResult,
  output: RenderedOutput,
  rendering: FileRendering,
  read: (path: string) => string | undefined,
): FileResult {
  const templateLines = new Map<string, string[]>();
  const templateLine = (path: string, line: number) => {
    let lines = templateLines.get(path);
    if (!lines) {
      lines = (read(path) ?? '').split('\n');
      templateLines.set(path, lines);
    }
    return lines[line - 1] ?? '';
  };
  const originOf = (line: number) =>
    output.lineOrigins[line - 1] ?? { path: output.path, line: 1 };
  const mapFinding = (finding: Finding): Finding => {
    const origin = originOf(finding.range.start.line);
    const text = templateLine(origin.path, origin.line);
    const templateRange = lineRange(origin.line, text);
    const { fix: _fix, ...rest } = finding;
    const value = origin.value;
    return {
      ...rest,
      path: value ? value.path : origin.path,
      range: value ? value.range : templateRange,
      snippet: value ? linesOf(read(value.path), value.range) : text,
      renderedFrom: {
        renderer: rendering.renderer,
        path: origin.path,
        range: templateRange,
        renderedSnippet: finding.snippet,
        ...(value ? { valuesPath: value.path, valuesKey: value.key } : {}),
      },
    };
  };
  return {
    ...result,
    path: output.path,
    findings: result.findings.map(mapFinding),
    images: result.images.map(image => ({
      ...image,
      line: originOf(image.line).line,
    })),
    rendering,
  };
}
