import type {
  ShellCommand,
  ShellWord,
} from '../../../parsing/shell/shellTypes';

/** True for a word that is an option: `-y`, `--yes`, `--opt=value` (`-` and `--` are not). */
export function isOptionWord(value: string): boolean {
  return value.startsWith('-') && value !== '-' && value !== '--';
}

/**
 * The option names a word carries, the way hadolint counts them: `--target-release=x` gives
 * `target-release`, `-yq` gives `y` and `q`.
 */
export function optionNames(value: string): string[] {
  if (!isOptionWord(value)) return [];
  if (value.startsWith('--')) return [value.slice(2).split('=')[0]];
  return value.slice(1).split('');
}

/**
 * The arguments of a command that are not options, leaving out the value that follows any
 * option named in `optionsWithValue` (written as separate words: `-t bookworm`).
 */
export function nonOptionArguments(
  args: readonly ShellWord[],
  optionsWithValue: readonly string[],
): ShellWord[] {
  const result: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (isOptionWord(value)) {
      const takesValue =
        !value.includes('=') &&
        optionNames(value).some(name => optionsWithValue.includes(name));
      if (takesValue) i++;
      continue;
    }
    result.push(args[i]);
  }
  return result;
}

type Manager = 'apt' | 'apk' | 'rpm' | 'zypper';

const INSTALL_SUBCOMMANDS: Record<Manager, readonly string[]> = {
  apt: ['install'],
  apk: ['add'],
  rpm: ['install'],
  zypper: ['install', 'in'],
};

const MANAGER_OF: Record<string, Manager> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  yum: 'rpm',
  dnf: 'rpm',
  microdnf: 'rpm',
  tdnf: 'rpm',
  zypper: 'zypper',
};

const OPTIONS_WITH_VALUE: Record<Manager, readonly string[]> = {
  apt: ['o', 'c', 't', 'option', 'config-file', 'target-release'],
  apk: ['t', 'virtual', 'repository', 'X', 'p', 'root', 'arch'],
  rpm: ['enablerepo', 'disablerepo', 'setopt', 'installroot', 'releasever'],
  zypper: ['r', 'repo', 'from', 'n', 'name'],
};

/** An OS package installation found in a shell command. */
export interface PackageInstall {
  manager: Manager;
  /** The package words, as written (versions included). */
  packages: ShellWord[];
}

/**
 * Reads `apt-get install`, `apk add`, `yum|dnf|microdnf install` and `zypper install` commands.
 * Returns undefined for any other command.
 */
export function osPackageInstall(
  command: ShellCommand,
): PackageInstall | undefined {
  const manager = MANAGER_OF[command.program];
  if (!manager) return undefined;
  const words = nonOptionArguments(command.args, OPTIONS_WITH_VALUE[manager]);
  const subcommand = words[0]?.value;
  if (!subcommand || !INSTALL_SUBCOMMANDS[manager].includes(subcommand))
    return undefined;
  return { manager, packages: words.slice(1) };
}

/** A package word without its version: `openssh-server=1:9.2*` gives `openssh-server`. */
export function packageName(word: string): string {
  return word.split(/[=~<>]/)[0].toLowerCase();
}
