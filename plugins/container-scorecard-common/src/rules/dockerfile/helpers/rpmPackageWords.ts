import type { ShellCommand } from '../../../parsing/shell/shellTypes';
import { nonOptionArguments } from './packageCommands';
import { isBareVariable } from './runCommandFacts';

/** yum/dnf/zypper options whose value is a separate word (`--enablerepo epel`). */
const OPTIONS_WITH_VALUE = [
  'enablerepo',
  'disablerepo',
  'repo',
  'repofrompath',
  'setopt',
  'installroot',
  'releasever',
  'x',
  'exclude',
  'c',
  'config',
  'r',
  'from',
  'n',
  'name',
];

/**
 * The package words of an install by `program` (its subcommand words and option values left
 * out), or undefined when the command is not such an install. `module` tells whether it is a
 * `module install`, whose words are streams (`nodejs:20`) rather than packages.
 */
export function rpmInstallWords(
  command: ShellCommand,
  programs: readonly string[],
  installWords: readonly string[],
): { words: string[]; module: boolean; group: boolean } | undefined {
  if (!programs.includes(command.program)) return undefined;
  const values = command.args.map(a => a.value);
  if (!values.some(v => installWords.includes(v))) return undefined;
  const words = nonOptionArguments(command.args, OPTIONS_WITH_VALUE)
    .map(a => a.value)
    .filter(v => !installWords.includes(v) && v !== 'module')
    .filter(v => !isBareVariable(v));
  return {
    words,
    module: values.includes('module'),
    group: values.includes('group') || values.includes('groupinstall'),
  };
}
