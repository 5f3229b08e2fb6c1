import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand, ShellWord } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';

/** apt-get options that take a separate value: the subcommand is the first word after them. */
const OPTIONS_WITH_VALUE = new Set([
  '-o',
  '-c',
  '-t',
  '--option',
  '--config-file',
  '--target-release',
]);

function subcommandWord(command: ShellCommand): ShellWord | undefined {
  for (let i = 0; i < command.args.length; i++) {
    const value = command.args[i].value;
    if (OPTIONS_WITH_VALUE.has(value)) i++;
    else if (!value.startsWith('-')) return command.args[i];
  }
  return undefined;
}

function disablesRecommends(command: ShellCommand): boolean {
  return command.args.some(
    arg =>
      arg.value === '--no-install-recommends' ||
      /APT::Install-Recommends=["']?(false|0|no)["']?$/i.test(arg.value),
  );
}

function fixFor(
  instruction: DockerInstruction,
  command: ShellCommand,
  install: ShellWord,
): RuleReport['fix'] {
  const at = { start: install.range.end, end: install.range.end };
  // In a JSON exec form the flag must be a new array item, not text glued to "install".
  const isJsonItem = instruction.form === 'exec' && command.depth === 0;
  return [
    {
      range: at,
      newText: isJsonItem
        ? ', "--no-install-recommends"'
        : ' --no-install-recommends',
    },
  ];
}

/** Flags `apt-get install` without `--no-install-recommends`, wherever the shell runs it. */
export const aptGetMissingNoInstallRecommends = defineRule({
  id: 'apt-get-missing-no-install-recommends',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'apt-get install pulls recommended packages',
  message:
    'apt-get install without --no-install-recommends adds packages nobody asked for.',
  rationale:
    'An image should hold what its one process needs and nothing else. Recommended packages are chosen for an interactive machine: they grow the image, lengthen every pull and scan, and add code that can carry vulnerabilities without ever being used.',
  remediation: {
    description:
      'Install only what you list; add any recommended package you really need by name.',
    before: 'RUN apt-get update && apt-get install -y curl',
    after:
      'RUN apt-get update && apt-get install -y --no-install-recommends curl',
  },
  equivalents: { hadolint: 'DL3015', trivy: 'DS-0029' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3015',
    trivy: 'https://avd.aquasec.com/misconfig/ds029',
  },
  equivalentsNote:
    'Same test as hadolint DL3015: `apt-get install` without `--no-install-recommends` or `-o APT::Install-Recommends=false`, in RUN and ONBUILD RUN, every stage. apt also reads `APT::Install-Recommends` set to 0 or no (quoted or not) as off, so those are accepted too. Beyond hadolint, the command is also found behind sudo/env wrappers and in `sh -c` strings and heredocs.',
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { instruction, command } of commandsIn(
      model,
      model.instructions,
      ['RUN'],
      { onbuild: true },
    )) {
      if (command.program !== 'apt-get') continue;
      const subcommand = subcommandWord(command);
      if (subcommand?.value !== 'install' || disablesRecommends(command))
        continue;
      // From the command name: `DEBIAN_FRONTEND=... sudo` prefixes are not the offence.
      const range = {
        start: command.nameWord.range.start,
        end: command.range.end,
      };
      reports.push({ range, fix: fixFor(instruction, command, subcommand) });
    }
    return reports;
  },
});
