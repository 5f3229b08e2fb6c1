import type {
  DockerInstruction,
  DockerStage,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import { isShellProgram } from '../../parsing/shell/commandWrappers';
import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** Init processes that reap children and pass signals on: with one, the shell is not PID 1. */
const INITS = new Set(['tini', 'dumb-init', 'docker-init', 'catatonit']);

/** The last CMD and ENTRYPOINT in effect: the final stage's own, else inherited ones. */
function effective(
  model: DockerfileModel,
  stage: DockerStage,
  keyword: string,
): DockerInstruction | undefined {
  const seen = new Set<number>();
  let current: DockerStage | undefined = stage;
  while (current && !seen.has(current.index)) {
    seen.add(current.index);
    const found = current.instructions.filter(i => i.keyword === keyword);
    if (found.length > 0) return found[found.length - 1];
    current =
      current.from.baseStageIndex === undefined
        ? undefined
        : model.stages[current.from.baseStageIndex];
  }
  return undefined;
}

/**
 * For an exec-form `["sh", "-c", "<script>"]`, the command that will be left running when the
 * shell is PID 1 and does not hand over: the script's last command, when the script has more
 * than one and neither `exec`s it nor sets a `trap`. Undefined when the shell is fine.
 */
function lastCommandNotExeced(
  instruction: DockerInstruction,
): ShellCommand | undefined {
  if (instruction.form !== 'exec') return undefined;
  const outer = instruction.shell.commands.filter(c => c.depth === 0);
  if (outer.length !== 1) return undefined;
  const [shell] = outer;
  if (!isShellProgram(shell.program)) return undefined;
  if (shell.wrappers.some(w => INITS.has(w))) return undefined;
  const script = instruction.shell.commands.filter(c => c.depth === 1);
  if (script.length < 2) return undefined; // sh -c 'one command' execs it itself
  if (script.some(c => c.program === 'trap')) return undefined; // forwards signals itself
  const last = script.reduce((a, b) => (b.startOffset > a.startOffset ? b : a));
  return last.wrappers.includes('exec') ? undefined : last;
}

/**
 * Flags an exec-form CMD/ENTRYPOINT that runs `sh -c '<several commands>'` whose last command
 * is not `exec`ed: the shell stays PID 1, and a shell does not forward SIGTERM to its child.
 * Shell-form CMD/ENTRYPOINT is `shell-form-cmd`'s finding; scripts in files are not read.
 * An init (tini, dumb-init) in front of the shell, or a `trap` in the script, is accepted.
 */
export const shellWrapperWithoutExec = defineRule({
  id: 'shell-wrapper-without-exec',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Shell wrapper keeps PID 1',
  message:
    'The container starts a shell that runs its last command as a child: `exec` it so the process receives SIGTERM.',
  rationale:
    'The first process of a container is PID 1: it receives the stop signal, and the container ends when it exits. A shell running several commands forks the last one and waits; it does not pass SIGTERM on. On every stop or rolling update the app never hears the signal, drops its in-flight work when the grace period ends and is killed. `exec` replaces the shell with the app, which then gets the signal itself.',
  remediation: {
    description:
      'Prefix the final command with `exec`, or run an init such as tini (or `docker run --init`) in front of the shell.',
    before: 'CMD ["sh", "-c", "./migrate && node server.js"]',
    after: 'CMD ["sh", "-c", "./migrate && exec node server.js"]',
  },
  equivalents: {},
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const stage = model.finalStage;
    if (!stage) return [];
    const entrypoint = effective(model, stage, 'ENTRYPOINT');
    const cmd = effective(model, stage, 'CMD');
    const candidates = [entrypoint];
    // CMD is what runs when there is no ENTRYPOINT, or what an entrypoint script execs.
    const entryProgram = entrypoint?.shell.commands.find(c => c.depth === 0);
    if (
      !entrypoint ||
      (entrypoint.form === 'exec' &&
        entryProgram &&
        !INITS.has(entryProgram.program) &&
        !entryProgram.wrappers.some(w => INITS.has(w)) &&
        /\.sh$/.test(entryProgram.program))
    )
      candidates.push(cmd);
    const reports: RuleReport[] = [];
    for (const instruction of candidates) {
      if (!instruction || instruction.stageIndex < 0) continue;
      const last = lastCommandNotExeced(instruction);
      if (!last) continue;
      const at = last.range.start;
      const fix =
        last.assignments.length === 0 && last.wrappers.length === 0
          ? [{ range: { start: at, end: at }, newText: 'exec ' }]
          : undefined;
      reports.push({
        range: instruction.range,
        message: `${instruction.keyword} runs a shell that forks \`${last.name}\` and stays PID 1: write \`exec ${last.name}\` so it receives SIGTERM.`,
        ...(fix ? { fix } : {}),
      });
    }
    return reports;
  },
});
