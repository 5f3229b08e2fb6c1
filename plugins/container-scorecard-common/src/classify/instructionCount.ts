import type { AnalysisError } from '../model/types';
import { DOCKERFILE_INSTRUCTIONS } from './definitionContent';

const SPACE = /[ \t\r]/;
const LETTER = /[A-Za-z]/;

/**
 * Refuses a Dockerfile with more instruction lines than `limit` before it is parsed, in one pass
 * that allocates nothing per line. Counting lines that start with an instruction keyword can
 * only over-count (a heredoc or continuation line that happens to start with one), never let a
 * longer file through.
 */
export function tooManyInstructions(
  content: string,
  limit: number,
): AnalysisError | undefined {
  let count = 0;
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end < 0) end = content.length;
    let i = start;
    while (i < end && SPACE.test(content[i])) i++;
    let j = i;
    while (j < end && j - i < 12 && LETTER.test(content[j])) j++;
    if (
      j > i &&
      DOCKERFILE_INSTRUCTIONS.has(content.slice(i, j).toUpperCase()) &&
      ++count > limit
    ) {
      return {
        code: 'file-too-large',
        message: `The Dockerfile has more than ${limit} instructions (limits.maxDockerfileInstructions): too many to analyse.`,
      };
    }
    start = end + 1;
  }
  return undefined;
}
