import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** The flags of a RUN as a comparable key (`--mount`, `--network`, `--security`). */
function flagsKey(instruction: DockerInstruction): string {
  return instruction.flags
    .map(flag => `${flag.name}=${flag.value ?? ''}`)
    .sort()
    .join('\n');
}

/** Simple commands of the RUN's own shell (not those inside its `sh -c` strings). */
function commandCount(instruction: DockerInstruction): number {
  return instruction.shell.commands.filter(c => c.depth === 0).length;
}

/** The edit that joins `current` onto `previous` with `&&`, when that is plainly safe. */
function mergeFix(
  previous: DockerInstruction,
  current: DockerInstruction,
  content: string,
  escapeChar: string,
  rangeOf: (start: number, end: number) => RuleReport['range'],
): RuleReport['fix'] {
  const plain = (i: DockerInstruction) =>
    i.form === 'shell' &&
    !i.shell.hasSyntaxErrors &&
    i.argumentsStartOffset !== undefined &&
    !/[#;&|]\s*$|<<|#/.test(i.argumentsText);
  if (!plain(previous) || !plain(current)) return undefined;
  const gapEnd = current.argumentsStartOffset as number;
  const gap = content.slice(previous.endOffset, current.startOffset);
  if (gap.trim() !== '') return undefined; // comments between them: leave it to a human
  return [
    {
      range: rangeOf(previous.endOffset, gapEnd),
      newText: ` && ${escapeChar}\n    `,
    },
  ];
}

/**
 * Flags consecutive RUN instructions, following hadolint's DL3059: only a comment may sit
 * between them; they are left alone when their flags differ (`--mount`, `--network`) or when
 * either already runs more than one command (the author chose to split them deliberately).
 */
export const consecutiveRunInstructions = defineRule({
  id: 'consecutive-run-instructions',
  pillar: 'simplicity',
  severity: 'info',
  appliesTo: ['dockerfile'],
  title: 'Consecutive RUN instructions',
  message:
    'Consecutive single-command RUN instructions: consider merging them into one.',
  rationale:
    'Every RUN adds a layer and a cache step. A run of one-liners reads like a shell session typed line by line, makes the image heavier (files deleted in a later RUN still ship in the earlier layer) and slower to pull. Grouping related commands into one RUN keeps the recipe short and lets cleanup happen in the layer that made the mess.',
  remediation: {
    description: 'Join related single-command RUN instructions with `&&`.',
    before:
      'RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
    after:
      'RUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl',
  },
  equivalents: { hadolint: 'DL3059' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3059',
  },
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    let previous: DockerInstruction | undefined;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') {
        previous = undefined; // any other instruction (FROM included) breaks the sequence
        continue;
      }
      if (
        previous &&
        flagsKey(previous) === flagsKey(instruction) &&
        commandCount(previous) <= 1 &&
        commandCount(instruction) <= 1
      ) {
        const fix = mergeFix(
          previous,
          instruction,
          file.content,
          model.escapeChar,
          (s, e) => file.lineIndex.rangeOf(s, e),
        );
        reports.push({ range: instruction.range, ...(fix ? { fix } : {}) });
      }
      previous = instruction;
    }
    return reports;
  },
});
