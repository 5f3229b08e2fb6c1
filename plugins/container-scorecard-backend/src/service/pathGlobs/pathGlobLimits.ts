import { expandBraces } from './expandBraces';

/**
 * Bounds on the globs of `container-scorecard.io/paths`. Annotations are written by anyone who
 * can register an entity, and globs run against every candidate path of a repository, so each
 * bound keeps one hostile annotation from costing the backend more than a normal one.
 */
export const PATH_GLOB_LIMITS = {
  maxGlobs: 20,
  maxLength: 256,
  maxWildcards: 10,
  /** `*` per path segment: what a backtracking matcher would pay for, so none needs more. */
  maxStarsPerSegment: 4,
  maxAlternatives: 64,
} as const;

/** Runs of `*` count once (`**` is one wildcard), each `?` once; escaped characters not at all. */
export function countWildcards(
  glob: string,
  countQuestionMarks = true,
): number {
  let count = 0;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '?') count += countQuestionMarks ? 1 : 0;
    else if (glob[i] === '*' && glob[i - 1] !== '*') count++;
  }
  return count;
}

function shown(glob: string): string {
  return glob.length > 60 ? `${glob.slice(0, 60)}…` : glob;
}

/**
 * Checks one glob and expands its braces. Returns the alternatives, or the reason the glob is
 * refused ("path glob X is not allowed: ..."), decided before anything costly is done.
 */
export function checkPathGlob(
  glob: string,
): { alternatives: string[] } | { refused: string } {
  const refuse = (why: string) => ({
    refused: `path glob "${shown(glob)}" is not allowed: ${why}`,
  });
  const { maxLength, maxWildcards, maxAlternatives } = PATH_GLOB_LIMITS;
  if (glob.length > maxLength) {
    return refuse(`longer than ${maxLength} characters`);
  }
  if (glob.startsWith('/') || glob.split('/').includes('..')) {
    return refuse('globs must be relative and stay inside the repository');
  }
  if (glob.startsWith('!')) {
    return refuse('negation (a leading "!") is not supported');
  }
  if (countWildcards(glob) > maxWildcards) {
    return refuse(`more than ${maxWildcards} wildcards`);
  }
  const { maxStarsPerSegment } = PATH_GLOB_LIMITS;
  if (
    glob
      .split('/')
      .some(segment => countWildcards(segment, false) > maxStarsPerSegment)
  ) {
    return refuse(`more than ${maxStarsPerSegment} "*" in one path segment`);
  }
  const alternatives = expandBraces(glob, maxAlternatives);
  if (!alternatives) {
    return refuse(
      `its braces expand to more than ${maxAlternatives} alternatives`,
    );
  }
  return { alternatives };
}
