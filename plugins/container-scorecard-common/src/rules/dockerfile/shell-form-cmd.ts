import type {
  DockerInstruction,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { isWindowsStage } from './helpers/dockerfileScope';

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
 * True when the shell hands itself over to the command it ends with (`exec node server.js`,
 * `cd /app && exec node server.js`): the process replaces /bin/sh as PID 1 and gets the signals.
 * Not with `||` (the exec may never run), `&` (a background job) or a pipeline (sh waits).
 */
function execReplacesShell(instruction: DockerInstruction): boolean {
  const { commands, pipelines, hasSyntaxErrors } = instruction.shell;
  const top = commands.filter(c => c.depth === 0);
  const last = top[top.length - 1];
  if (hasSyntaxErrors || !last || last.wrappers[0] !== 'exec') return false;
  if (pipelines.some(p => p.depth === 0)) return false;
  return !/\|\||(^|[^&>])&(?!&)/.test(instruction.argumentsText);
}

/** True when the instruction's stage runs on a Windows base image (its shell is cmd, not sh). */
function onWindows(
  model: DockerfileModel,
  instruction: DockerInstruction,
): boolean {
  const stage = model.stages[instruction.stageIndex];
  return stage !== undefined && isWindowsStage(model, stage);
}

/** What is true of this shell-form instruction: on Windows, with `exec`, or plain. */
function messageFor(
  model: DockerfileModel,
  instruction: DockerInstruction,
): string {
  const keyword = instruction.keyword;
  if (onWindows(model, instruction))
    return `${keyword} uses the shell form: on Windows it runs through cmd /S /C, which stands between the container and your process. Use the JSON exec form.`;
  if (execReplacesShell(instruction))
    return `${keyword} uses the shell form: \`exec\` hands PID 1 to your process, but CMD and \`docker run\` arguments are ignored. Use the JSON exec form.`;
  return `${keyword} uses the shell form: /bin/sh becomes PID 1 and your process will not receive SIGTERM. Use the JSON exec form.`;
}

/**
 * Flags CMD and ENTRYPOINT in shell form in any stage, as hadolint does: any stage can be the
 * image that runs (`docker build --target`). A shell-form CMD that ends in `exec` is not flagged:
 * its process is PID 1 and gets SIGTERM. A shell-form ENTRYPOINT still is, with the problem it
 * really has: it ignores CMD and `docker run` arguments.
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
    'A container lives as long as its PID 1. In shell form that PID 1 is /bin/sh, which does not forward SIGTERM to your process: a stop or rolling update waits out the grace period and then kills it, with no clean shutdown, no drained connections. The exec form makes your process PID 1 so it gets the signal itself. A shell-form CMD that ends with `exec` (`CMD exec node server.js`) already hands PID 1 to the process, so it is not flagged (hadolint DL3025 flags it). A shell-form ENTRYPOINT is flagged even with `exec`: Docker runs it as `/bin/sh -c` and drops CMD and the `docker run` arguments.',
  remediation: {
    description:
      'Write the command as a JSON array. If you need shell features, use a script that ends with `exec "$@"`.',
    before: 'CMD node server.js',
    after: 'CMD ["node", "server.js"]',
  },
  equivalents: { hadolint: 'DL3025' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3025',
  },
  equivalentsNote:
    'hadolint DL3025 flags every CMD and ENTRYPOINT not written as a JSON array. Deliberate difference: a shell-form CMD whose shell ends by `exec`-ing the command (`CMD exec node server.js`, `CMD cd /app && exec node server.js`) is not flagged here, because the process does replace /bin/sh as PID 1 and receives SIGTERM. A shell-form ENTRYPOINT ending in `exec` is still flagged, for what is true of it: CMD and `docker run` arguments are ignored. `CMD []` and `ENTRYPOINT []` (which reset an inherited command) are JSON, as for hadolint.',
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    return model.instructions
      .filter(
        i =>
          (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') &&
          i.form === 'shell' &&
          i.argumentsRange &&
          !(i.keyword === 'CMD' && execReplacesShell(i)),
      )
      .map((instruction): RuleReport => {
        const execForm = execFormOf(instruction, model);
        return {
          range: instruction.range,
          message: messageFor(model, instruction),
          ...(execForm && instruction.argumentsRange
            ? {
                fix: [{ range: instruction.argumentsRange, newText: execForm }],
              }
            : {}),
        };
      });
  },
});
