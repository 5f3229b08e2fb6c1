import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';
import { nonOptionArguments } from './helpers/packageCommands';

/**
 * hadolint's test of a pinned apt package: a version (`=`), a release or path (`/`), or a local
 * `.deb` file.
 */
function isPinned(word: string): boolean {
  return word.includes('=') || word.includes('/') || word.endsWith('.deb');
}

/** Flags `apt-get install` with a package that has no version, as hadolint DL3008 does. */
export const aptGetUnpinnedPackages = defineRule({
  id: 'apt-get-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'apt-get install without package versions',
  message:
    'apt-get install names packages without versions: pin them with <package>=<version>.',
  rationale:
    'An image is rebuilt from its Dockerfile whenever the code or the base changes. Without versions, each rebuild installs whatever the mirror serves that day, so the same commit can give a different runtime, and a bug that appears after a rebuild cannot be traced to a change anyone made.',
  remediation: {
    description:
      'Give each package the version you tested, with `=`; a trailing `*` keeps patch updates (`curl=7.88.*`).',
    before: 'RUN apt-get update && apt-get install -y curl',
    after: 'RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8',
  },
  equivalents: { hadolint: 'DL3008' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3008',
  },
  equivalentsNote:
    'Same test as hadolint DL3008 (a package counts as pinned with `=`, `/` or a `.deb` file; the value of `-t`/`--target-release` is not a package). Beyond hadolint, the command is also found behind sudo/env wrappers and in `sh -c` strings. ONBUILD RUN triggers are checked too.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { command } of commandsIn(model, model.instructions, ['RUN'], {
      onbuild: true,
    })) {
      if (command.program !== 'apt-get') continue;
      if (!command.args.some(a => a.value === 'install')) continue;
      const unpinned = nonOptionArguments(command.args, ['t', 'target-release'])
        .filter(a => a.value !== 'install')
        .filter(a => !isPinned(a.value));
      if (unpinned.length === 0) continue;
      reports.push({
        range: { start: command.nameWord.range.start, end: command.range.end },
        message: `apt-get install without a version for ${unpinned
          .map(a => a.value)
          .join(', ')}: pin each as <package>=<version>.`,
      });
    }
    return reports;
  },
});
