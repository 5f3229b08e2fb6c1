import type { ParsedFile } from '../rules/framework/ruleTypes';
import {
  findSuppressionDirectives,
  type ScopedDirective,
} from './findSuppressionDirectives';

/** The waivers written in a parsed file. */
export function directivesOfFile(file: ParsedFile): ScopedDirective[] {
  const instructionLines =
    file.kind === 'dockerfile'
      ? file.dockerfile.instructions.map(i => ({
          from: i.range.start.line,
          to: i.range.end.line,
        }))
      : [];
  return findSuppressionDirectives(file.kind, file.lineIndex, instructionLines);
}
