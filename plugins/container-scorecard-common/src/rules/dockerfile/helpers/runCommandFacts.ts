import type {
  DockerInstruction,
  DockerfileModel,
} from '../../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand } from '../../../parsing/shell/shellTypes';
import type { LineIndex } from '../../../text/LineIndex';
import type { RuleReport } from '../../framework/ruleTypes';
import { commandsOf, isShippedStage } from './dockerfileScope';
import { isOptionWord, optionNames } from './packageCommands';

/** One `--mount=...` of a RUN, read as BuildKit reads it. */
export interface RunMount {
  type: string;
  target?: string;
}

function parseMount(value: string): RunMount {
  const options = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) options.set(part.trim(), '');
    else options.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return {
    // BuildKit's default mount type is bind.
    type: options.get('type') ?? 'bind',
    target:
      options.get('target') ?? options.get('dst') ?? options.get('destination'),
  };
}

/**
 * The `--mount` flags of a RUN, or of the RUN trigger of an `ONBUILD RUN --mount=... ...`
 * (whose flags the parser keeps in the trigger's text).
 */
export function runMounts(instruction: DockerInstruction): RunMount[] {
  if (instruction.keyword === 'RUN') {
    return instruction.flags
      .filter(flag => flag.name === 'mount' && flag.value)
      .map(flag => parseMount(flag.value as string));
  }
  if (instruction.onbuildTrigger !== 'RUN') return [];
  const mounts: RunMount[] = [];
  const words = instruction.argumentsText.trim().split(/\s+/).slice(1);
  for (const word of words) {
    // A line continuation between two flags leaves the escape character as a word of its own.
    if (word === '\\' || word === '`') continue;
    if (!word.startsWith('--')) break;
    if (word.startsWith('--mount=')) mounts.push(parseMount(word.slice(8)));
  }
  return mounts;
}

/**
 * True when the mount target holds the cache directory named by `fragment`: its path contains
 * the fragment (hadolint's test), or it is a parent of it (`/var/cache` holds `/var/cache/apk`,
 * `/root/.cache` holds `.cache/pip`), which hadolint does not see.
 */
function mountHolds(target: string, fragment: string): boolean {
  if (target.includes(fragment)) return true;
  const parent = target.replace(/\/+$/, '');
  if (parent === '') return true;
  if (fragment.startsWith('/')) return fragment.startsWith(`${parent}/`);
  const dir = fragment.split('/')[0];
  return parent === dir || parent.endsWith(`/${dir}`);
}

/**
 * True when a BuildKit cache or tmpfs mount covers a directory whose path contains one of
 * `fragments`: what the mount holds never reaches the layer (hadolint's
 * `hasCacheOrTmpfsMountWith`, plus mounts on a parent directory).
 */
export function hasCacheOrTmpfsMountWith(
  instruction: DockerInstruction,
  fragments: readonly string[],
): boolean {
  return runMounts(instruction).some(
    mount =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      mount.target !== undefined &&
      fragments.some(fragment => mountHolds(mount.target as string, fragment)),
  );
}

/** The argument values of a command that are not options (hadolint's `getArgsNoFlags`). */
export function argumentsWithoutOptions(command: ShellCommand): string[] {
  return command.args.map(a => a.value).filter(v => !isOptionWord(v));
}

/** True when the command is `program` and one of its arguments is one of `values`. */
export function commandHasArgument(
  command: ShellCommand,
  program: string,
  values: readonly string[],
): boolean {
  return (
    command.program === program &&
    command.args.some(arg => values.includes(arg.value))
  );
}

/** True when any word of the command carries the option `name` (`--no-cache`, `-U`). */
export function commandHasOption(command: ShellCommand, name: string): boolean {
  return command.args.some(arg => optionNames(arg.value).includes(name));
}

/** A whole-word shell variable such as `$PACKAGES` or `${PKGS}`: its content is unknown. */
export function isBareVariable(word: string): boolean {
  return /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(word);
}

/** The RUN instructions and ONBUILD RUN triggers of a Dockerfile, with their commands. */
export function runInstructions(
  model: DockerfileModel,
  options: { onbuild: boolean },
): { instruction: DockerInstruction; commands: ShellCommand[] }[] {
  return model.instructions
    .filter(
      i =>
        i.keyword === 'RUN' ||
        (options.onbuild &&
          i.keyword === 'ONBUILD' &&
          i.onbuildTrigger === 'RUN'),
    )
    .map(instruction => ({
      instruction,
      commands: commandsOf(model, instruction),
    }))
    .filter(({ commands }) => commands.length > 0);
}

/**
 * A fix that appends ` && <text>` to a shell-form RUN, when that is safe to do mechanically: no
 * heredoc, no comment, no syntax error, and the RUN's commands are not in a `sh -c` string.
 */
export function appendToRunFix(
  instruction: DockerInstruction,
  lineIndex: LineIndex,
  text: string,
): RuleReport['fix'] {
  const args = instruction.argumentsText;
  if (
    instruction.form !== 'shell' ||
    instruction.shell.hasSyntaxErrors ||
    args.includes('<<') ||
    args.includes('#') ||
    instruction.shell.commands.some(c => c.depth > 0)
  )
    return undefined;
  const at = lineIndex.positionAt(instruction.endOffset);
  return [{ range: { start: at, end: at }, newText: ` && ${text}` }];
}

/**
 * A fix that inserts `text` (an option) right after a word of a command, as in
 * `apk add --no-cache`.
 */
export function insertAfterWordFix(
  command: ShellCommand,
  wordValue: string,
  text: string,
): RuleReport['fix'] {
  const word = command.args.find(a => a.value === wordValue);
  if (!word || word.raw !== word.value) return undefined;
  return [
    { range: { start: word.range.end, end: word.range.end }, newText: text },
  ];
}

/**
 * Stages whose content can reach the image: the final stage and the stages it is built FROM,
 * transitively. A stage that is only copied from, or is the base of a stage only copied from,
 * is not (its caches never reach the image). A fragment without FROM is checked whole.
 */
export function stageReachesImage(
  model: DockerfileModel,
  stageIndex: number,
): boolean {
  if (stageIndex < 0) return true;
  const stage = model.stages[stageIndex];
  if (!stage) return true;
  return isShippedStage(model, stageIndex);
}

/**
 * The last install command of a RUN that no cleanup command follows, or undefined when every
 * install is cleaned up after (hadolint's newer reading: a clean before the install does not
 * help, since the install fills the cache again).
 */
export function installWithoutLaterCleanup(
  commands: readonly ShellCommand[],
  isInstall: (command: ShellCommand) => boolean,
  isCleanup: (command: ShellCommand) => boolean,
): ShellCommand | undefined {
  const installs = commands.filter(isInstall);
  if (installs.length === 0) return undefined;
  const last = installs.reduce((a, b) =>
    b.startOffset > a.startOffset ? b : a,
  );
  const cleaned = commands.some(
    c => isCleanup(c) && c.startOffset > last.startOffset,
  );
  return cleaned ? undefined : last;
}

/**
 * True for `rm` with a path argument that is one of `directories` or under it (`/var/cache/zypp`
 * and `/var/cache/zypp/*`, not `/var/cache/zypper`: the path must end at a directory boundary).
 */
export function removesDirectory(
  command: ShellCommand,
  directories: readonly string[],
): boolean {
  return (
    command.program === 'rm' &&
    command.args.some(arg =>
      directories.some(d => arg.value === d || arg.value.startsWith(`${d}/`)),
    )
  );
}
