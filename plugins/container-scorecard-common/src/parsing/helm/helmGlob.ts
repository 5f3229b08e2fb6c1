/**
 * A matcher for Helm's `.Files.Glob` patterns (gobwas/glob with `/` as separator): `*` and `?`
 * within a path segment, `**` across segments, `{a,b}` alternatives, `[abc]` classes. Matched
 * without backtracking regular expressions: by dynamic programming over the pattern and path,
 * so the cost is bounded by their lengths multiplied.
 */
export function compileHelmGlob(pattern: string): (path: string) => boolean {
  const alternatives = expandBraces(pattern.slice(0, 256), 0);
  return path => alternatives.some(alternative => matchGlob(alternative, path));
}

/** Expands `{a,b}` groups (at most 64 alternatives). */
function expandBraces(pattern: string, depth: number): string[] {
  const open = pattern.indexOf('{');
  if (open < 0 || depth > 4) return [pattern];
  let level = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') level++;
    else if (pattern[i] === '}' && --level === 0) {
      const options = splitTopLevel(pattern.slice(open + 1, i));
      const rest = pattern.slice(i + 1);
      const results: string[] = [];
      for (const option of options)
        for (const expanded of expandBraces(
          pattern.slice(0, open) + option + rest,
          depth + 1,
        )) {
          if (results.length < 64) results.push(expanded);
        }
      return results;
    }
  }
  return [pattern];
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') level++;
    else if (text[i] === '}') level--;
    else if (text[i] === ',' && level === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

type Token =
  | { kind: 'literal'; char: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'class'; chars: string; negated: boolean };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        tokens.push({ kind: 'globstar' });
        i++;
      } else tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) tokens.push({ kind: 'literal', char: c });
      else {
        const body = pattern.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        tokens.push({
          kind: 'class',
          chars: negated ? body.slice(1) : body,
          negated,
        });
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      tokens.push({ kind: 'literal', char: pattern[++i] });
    } else tokens.push({ kind: 'literal', char: c });
  }
  return tokens;
}

function inClass(chars: string, c: string): boolean {
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      if (c >= chars[i] && c <= chars[i + 2]) return true;
      i += 2;
    } else if (chars[i] === c) return true;
  }
  return false;
}

function matchesOne(token: Token, c: string): boolean {
  if (token.kind === 'literal') return c === token.char;
  if (c === '/') return false;
  if (token.kind === 'class') return inClass(token.chars, c) !== token.negated;
  return true; // '?'
}

/** Linear in the pattern times the path: one pass over the path per token. */
function matchGlob(pattern: string, path: string): boolean {
  const tokens = tokenize(pattern);
  // reachable[j]: the tokens so far can match path[0..j).
  let reachable = new Array<boolean>(path.length + 1).fill(false);
  reachable[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(path.length + 1).fill(false);
    if (token.kind === 'star' || token.kind === 'globstar') {
      let running = false;
      for (let j = 0; j <= path.length; j++) {
        running = running || reachable[j];
        if (running) next[j] = true;
        if (token.kind === 'star' && path[j] === '/') running = false;
      }
    } else {
      for (let j = 0; j < path.length; j++)
        if (reachable[j] && matchesOne(token, path[j])) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[path.length];
}
