import type {
  DockerInstruction,
  DockerfileModel,
} from '../../../parsing/dockerfile/dockerfileTypes';
import type { LineIndex } from '../../../text/LineIndex';
import type { RuleReport } from '../../framework/ruleTypes';

/**
 * Reports every `keyword` instruction that follows another one in the same stage (the state
 * resets at each FROM, as in hadolint DL4003/DL4004). The fix deletes the earlier instruction,
 * which never took effect.
 */
export function repeatedInstructions(
  model: DockerfileModel,
  lineIndex: LineIndex,
  keyword: string,
): RuleReport[] {
  const reports: RuleReport[] = [];
  let previous: DockerInstruction | undefined;
  for (const instruction of model.instructions) {
    if (instruction.keyword === 'FROM') previous = undefined;
    if (instruction.keyword !== keyword) continue;
    if (previous) {
      reports.push({
        range: instruction.range,
        message: `${keyword} already set on line ${previous.range.start.line} of this stage: only the last ${keyword} takes effect.`,
        fix: [{ range: wholeLines(previous, lineIndex), newText: '' }],
      });
    }
    previous = instruction;
  }
  return reports;
}

/** The lines an instruction occupies, with the line break after it. */
function wholeLines(instruction: DockerInstruction, lineIndex: LineIndex) {
  const start = lineIndex.offsetAt({
    line: instruction.range.start.line,
    column: 1,
  });
  const text = lineIndex.text;
  const newline = text.indexOf('\n', instruction.endOffset);
  const endOffset = newline < 0 ? text.length : newline + 1;
  const before = text.slice(start, instruction.startOffset);
  // Only delete whole lines when the instruction starts its line.
  const from = before.trim() === '' ? start : instruction.startOffset;
  return lineIndex.rangeOf(from, endOffset);
}
