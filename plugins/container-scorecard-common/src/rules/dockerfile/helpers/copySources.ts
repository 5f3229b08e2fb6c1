import type {
  DockerInstruction,
  DockerfileModel,
} from '../../../parsing/dockerfile/dockerfileTypes';

/** The sources and destination of a COPY or ADD, variables resolved where known. */
export function copyArguments(
  model: DockerfileModel,
  instruction: DockerInstruction,
): { sources: string[]; destination: string } {
  let text = instruction.argumentsText.trim();
  // `COPY <<EOF /path`: the heredoc body is file content, not arguments.
  const firstLine = text.split('\n')[0];
  if (/(^|\s)<<-?["']?\w/.test(firstLine)) text = firstLine;
  let words: string[] | undefined;
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) words = parsed.map(String);
    } catch {
      // not JSON after all: read it as words
    }
  }
  words ??= text
    .split(`${model.escapeChar}\n`)
    .join(' ')
    .split(/\s+/)
    .filter(w => w !== '' && !w.startsWith('<<'));
  const resolved = words.map(
    w => model.resolve(w, instruction.range.start.line).value,
  );
  return {
    sources: resolved.slice(0, -1),
    destination: resolved[resolved.length - 1] ?? '',
  };
}

/** The last path segment, without a trailing slash. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
