import { checkPathGlob, PATH_GLOB_LIMITS } from './pathGlobLimits';

type Token =
  | { type: 'char'; char: string }
  | { type: 'any' }
  | { type: 'star' }
  | { type: 'class'; negated: boolean; test: (char: string) => boolean };

/** A glob segment: `**` (any number of directories) or a pattern for one path segment. */
type Segment = 'globstar' | Token[];

/** Paths longer than this never match a glob: it bounds what one match can cost. */
export const MAX_MATCHED_PATH_LENGTH = 1024;

function parseClass(
  segment: string,
  open: number,
): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  const start = i;
  for (; i < segment.length && (segment[i] !== ']' || i === start); i++) {
    const from = segment[i] === '\\' ? segment[++i] : segment[i];
    if (segment[i + 1] === '-' && segment[i + 2] && segment[i + 2] !== ']') {
      ranges.push([from, segment[i + 2]]);
      i += 2;
    } else ranges.push([from, from]);
  }
  if (i >= segment.length) return undefined; // no closing bracket: a literal "["
  const inRanges = (char: string) =>
    ranges.some(([from, to]) => char >= from && char <= to);
  return {
    token: {
      type: 'class',
      negated,
      test: char => inRanges(char) !== negated,
    },
    end: i,
  };
}

function parseSegment(segment: string): Segment {
  if (segment === '**') return 'globstar';
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '\\' && i + 1 < segment.length) {
      tokens.push({ type: 'char', char: segment[++i] });
    } else if (char === '*') {
      if (tokens[tokens.length - 1]?.type !== 'star') {
        tokens.push({ type: 'star' });
      }
    } else if (char === '?') {
      tokens.push({ type: 'any' });
    } else if (char === '[' && parseClass(segment, i)) {
      const { token, end } = parseClass(segment, i)!;
      tokens.push(token);
      i = end;
    } else tokens.push({ type: 'char', char });
  }
  return tokens;
}

function matchesOne(token: Token, char: string): boolean {
  if (token.type === 'any') return true;
  if (token.type === 'char') return token.char === char;
  return token.type === 'class' && token.test(char);
}

/**
 * Matches one path segment without backtracking on more than the last `*`: at most
 * (segment length × pattern length) steps, where a regular expression for `*a*a*a*b` needs
 * exponentially many.
 */
function matchSegment(tokens: Token[], text: string): boolean {
  let t = 0;
  let i = 0;
  let star = -1;
  let starAt = 0;
  while (i < text.length) {
    if (t < tokens.length && tokens[t].type === 'star') {
      star = t++;
      starAt = i;
    } else if (t < tokens.length && matchesOne(tokens[t], text[i])) {
      t++;
      i++;
    } else if (star >= 0) {
      t = star + 1;
      i = ++starAt;
    } else return false;
  }
  while (t < tokens.length && tokens[t].type === 'star') t++;
  return t === tokens.length;
}

/** Matches segments, `**` spanning any number of them; each pair is tried at most once. */
function matchPath(glob: Segment[], path: string[]): boolean {
  const width = path.length + 1;
  const seen = new Uint8Array((glob.length + 1) * width);
  const match = (g: number, p: number): boolean => {
    const key = g * width + p;
    if (seen[key]) return seen[key] === 2;
    let result: boolean;
    if (g === glob.length) result = p === path.length;
    else if (glob[g] === 'globstar') {
      result = match(g + 1, p) || (p < path.length && match(g, p + 1));
    } else {
      result =
        p < path.length &&
        matchSegment(glob[g] as Token[], path[p]) &&
        match(g + 1, p + 1);
    }
    seen[key] = result ? 2 : 1;
    return result;
  };
  return match(0, 0);
}

/**
 * Compiles the globs of `container-scorecard.io/paths` into one matcher. Supports `*`, `**`,
 * `?`, `[a-z]`/`[!a]` classes and `{a,b}`/`{1..3}` braces; throws the reason for a glob
 * `checkPathGlob` refuses. Our own matcher rather than minimatch's regular expressions, whose
 * backtracking makes `*a*a*a*a*b` take seconds against one long file name.
 */
export function compilePathGlobs(globs: string[]): (path: string) => boolean {
  if (globs.length > PATH_GLOB_LIMITS.maxGlobs) {
    throw new Error(`more than ${PATH_GLOB_LIMITS.maxGlobs} path globs`);
  }
  const compiled = globs.flatMap(glob => {
    const checked = checkPathGlob(glob);
    if ('refused' in checked) throw new Error(checked.refused);
    return checked.alternatives.map(alternative =>
      alternative.split('/').filter(Boolean).map(parseSegment),
    );
  });
  return path => {
    if (path.length > MAX_MATCHED_PATH_LENGTH) return false;
    const segments = path.split('/');
    return compiled.some(glob => matchPath(glob, segments));
  };
}
