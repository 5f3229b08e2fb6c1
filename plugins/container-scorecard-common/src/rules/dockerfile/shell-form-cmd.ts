import type {
  DockerInstruction,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** Characters that make a shell line more than a list of words (expansion, redirection, ...). */
const SHELL_SYNTAX = /[<>|&;$`*?[\](){}~#\\]/;

/**
 * The JSON exec form of a shell-form instruction, when the conversion cannot change meaning:
 * one plain command, no variables, globs, redirections or operators. `exec` is dropped (the
 * exec form already replaces the shell).
 */
function execFormOf(
  instruction: DockerInstruction,
  model: DockerfileModel,
): string | undefined {
  const joined = instruction.argumentsText
    .split(`${model.escapeChar}\n`)
    .join(' ')
    .replace(/\r/g, '');
  if (SHELL_SYNTAX.test(joined)) return undefined;
  const { commands, pipelines, hasSyntaxErrors } = instruction.shell;
  if (hasSyntaxErrors || pipelines.length > 0 || commands.length !== 1)
    return undefined;
  const [command] = commands;
  if (command.assignments.length > 0) return undefined;
  if (command.wrappers.length > 0 && command.wrappers.join(' ') !== 'exec')
    return undefined;
  const words = [command.nameWord, ...command.args].map(w => w.value);
  return `[${words.map(w => JSON.stringify(w)).join(', ')}]`;
}

/**
 * Flags CMD and ENTRYPOINT in shell form in any stage, as hadolint does: any stage can be the
 * image that runs (`docker build --target`).
 */
export const shellFormCmd = defineRule({
  id: 'shell-form-cmd',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'CMD or ENTRYPOINT in shell form',
  message:
    'Shell form makes /bin/sh PID 1: your process will not receive SIGTERM. Use the JSON exec form.',
  rationale:
    'A container lives as long as its PID 1. In shell form that PID 1 is /bin/sh, which does not forward SIGTERM to your process: a stop or rolling update waits out the grace period and then kills it, with no clean shutdown, no drained connections. The exec form makes your process PID 1 so it gets the signal itself.',
  remediation: {
    description:
      'Write the command as a JSON array. If you need shell features, use a script that ends with `exec "$@"`.',
    before: 'CMD node server.js',
    after: 'CMD ["node", "server.js"]',
  },
  equivalents: { hadolint: 'DL3025' },
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    return model.instructions
      .filter(
        i =>
          (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') &&
          i.form === 'shell' &&
          i.argumentsRange,
      )
      .map((instruction): RuleReport => {
        const execForm = execFormOf(instruction, model);
        return {
          range: instruction.range,
          message: `${instruction.keyword} uses the shell form: /bin/sh becomes PID 1 and your process will not receive SIGTERM. Use the JSON exec form.`,
          ...(execForm && instruction.argumentsRange
            ? {
                fix: [{ range: instruction.argumentsRange, newText: execForm }],
              }
            : {}),
        };
      });
  },
});
