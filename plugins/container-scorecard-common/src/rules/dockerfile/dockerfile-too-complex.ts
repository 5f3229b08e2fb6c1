import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsOf } from './helpers/dockerfileScope';

/**
 * Flags a Dockerfile that has outgrown a recipe: more instructions than `maxInstructions`, a
 * RUN with more than `maxRunCommands` commands (counting those inside `sh -c` and heredocs), or
 * more stages than `maxStages`. Each limit gives at most one finding per place it is exceeded.
 */
export const dockerfileTooComplex = defineRule({
  id: 'dockerfile-too-complex',
  pillar: 'simplicity',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'Dockerfile too complex',
  message:
    'This Dockerfile reads like a provisioning script: keep it a short recipe.',
  rationale:
    'A Dockerfile describes how to package one process. When it grows to hundreds of instructions, RUN steps with dozens of commands, or a maze of stages, it has turned into a provisioning script: hard to review, slow to build, and full of steps nobody dares remove. Long shell logic belongs in a versioned script that the Dockerfile copies and runs, and unrelated images belong in their own Dockerfiles.',
  remediation: {
    description:
      'Move long shell logic into a script in the repository (COPY it and RUN it), split unrelated images into separate Dockerfiles, and drop steps the process does not need.',
    before:
      'RUN apt-get update && apt-get install -y ... && curl ... && tar ... && ./configure && make && make install && ... (40 commands)',
    after: 'COPY build/install-deps.sh /tmp/\nRUN /tmp/install-deps.sh',
  },
  equivalents: {},
  options: {
    maxInstructions: {
      type: 'number',
      default: 60,
      description: 'Most instructions a Dockerfile may have (FROM included).',
    },
    maxRunCommands: {
      type: 'number',
      default: 50,
      description: 'Most shell commands one RUN instruction may run.',
    },
    maxStages: {
      type: 'number',
      default: 6,
      description: 'Most build stages a Dockerfile may have.',
    },
  },
  check({ file, options }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    const { instructions, stages } = model;
    if (instructions.length > options.maxInstructions) {
      const first = instructions[options.maxInstructions];
      reports.push({
        range: first.range,
        message: `This Dockerfile has ${instructions.length} instructions (limit ${options.maxInstructions}): move logic into scripts or split it.`,
      });
    }
    for (const instruction of instructions) {
      if (instruction.keyword !== 'RUN') continue;
      // PowerShell/cmd RUN text is not shell script: its "commands" cannot be counted.
      const count = commandsOf(model, instruction).length;
      if (count > options.maxRunCommands)
        reports.push({
          range: instruction.range,
          message: `This RUN runs ${count} commands (limit ${options.maxRunCommands}): move them into a script you COPY and run.`,
        });
    }
    if (stages.length > options.maxStages) {
      reports.push({
        range: stages[options.maxStages].from.instruction.range,
        message: `This Dockerfile has ${stages.length} stages (limit ${options.maxStages}): split unrelated images into their own Dockerfiles.`,
      });
    }
    return reports;
  },
});
