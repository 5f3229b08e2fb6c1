/**
 * A waiver written in a comment.
 * - `next`: applies to the next instruction (Dockerfile) or the next key and its block (YAML);
 * - `line`: a trailing YAML comment, applies to its own line;
 * - `file`: applies to the whole file.
 */
export interface SuppressionDirective {
  line: number;
  scope: 'next' | 'line' | 'file';
  source: 'inline' | 'hadolint';
  /** Scorecard rule ids, or hadolint codes when `source` is `hadolint`. */
  ids: string[];
  reason: string;
  until?: string;
  /** Problems with the comment itself (bad date, ...). */
  problems: string[];
}

const SCORECARD = /^#\s*scorecard\s+(.*)$/i;
const HADOLINT =
  /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9,\s]+?)\s*$/i;
const PAIR = /([A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))/g;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads one comment (starting with `#`). Returns undefined when it is not a waiver.
 */
export function parseSuppressionComment(
  comment: string,
  line: number,
): SuppressionDirective | undefined {
  const text = comment.trim();
  const hadolint = HADOLINT.exec(text);
  if (hadolint) {
    return {
      line,
      scope: hadolint[1] ? 'file' : 'next',
      source: 'hadolint',
      ids: splitIds(hadolint[2]),
      reason: '',
      problems: [],
    };
  }
  const scorecard = SCORECARD.exec(text);
  if (!scorecard) return undefined;
  const pairs = new Map<string, string>();
  for (const match of scorecard[1].matchAll(PAIR)) {
    pairs.set(
      match[1].toLowerCase(),
      match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? match[4] ?? '',
    );
  }
  const fileWide = pairs.has('ignore-file');
  const ids = pairs.get(fileWide ? 'ignore-file' : 'ignore');
  if (ids === undefined) return undefined;
  const problems: string[] = [];
  let until = pairs.get('until');
  if (
    until !== undefined &&
    (!DATE.test(until) || Number.isNaN(Date.parse(until)))
  ) {
    problems.push(
      `"until=${until}" is not a YYYY-MM-DD date; the waiver has no expiry`,
    );
    until = undefined;
  }
  return {
    line,
    scope: fileWide ? 'file' : 'next',
    source: 'inline',
    ids: splitIds(ids),
    reason: (pairs.get('reason') ?? '').trim(),
    until,
    problems,
  };
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map(id => id.trim())
    .filter(Boolean);
}
