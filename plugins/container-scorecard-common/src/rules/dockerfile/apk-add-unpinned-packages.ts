import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';
import { nonOptionArguments } from './helpers/packageCommands';

/**
 * A package with a version constraint, or a local `.apk` file. hadolint's test is `=` or `~` in
 * the word, which takes `<=` and `>=` but not a bare `<` or `>`; apk reads all of them as
 * constraints on the version (`'py3-pip<24'`), so this rule does too. Unquoted, `pkg>=1` is a
 * shell redirection: the shell gives apk only `pkg`, which stays unpinned.
 */
function isPinned(word: string): boolean {
  return /[=~<>]/.test(word) || word.endsWith('.apk');
}

/** Flags `apk add` with a package that has no version, as hadolint DL3018 does. */
export const apkAddUnpinnedPackages = defineRule({
  id: 'apk-add-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'apk add without package versions',
  message:
    'apk add names packages without versions: pin them with <package>=<version>.',
  rationale:
    'Rebuilding the same Dockerfile should give the same image. An unversioned `apk add` takes whatever the Alpine mirror holds at build time, so two builds of one commit can differ, and the difference surfaces in production rather than in review. Any version constraint apk understands (`=`, `~`, `<`, `>`, `<=`, `>=`) counts as a pin here: it states which versions the build accepts.',
  remediation: {
    description:
      'Pin each package to the version you tested (`=`), or allow patch updates with `~`.',
    before: 'RUN apk add --no-cache curl',
    after: 'RUN apk add --no-cache curl=8.9.1-r2',
  },
  equivalents: { hadolint: 'DL3018' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3018',
  },
  equivalentsNote:
    "Same test as hadolint DL3018 (`=`, `~` or an `.apk` file count as pinned; the values of `-t`, `--virtual`, `--repository` and `-X` are not packages), ONBUILD RUN triggers included. Deliberate difference: a bare `<` or `>` constraint (`'pkg<2'`, `'pkg>1.2'`) counts as pinned like `<=`, `>=` and `~`, which hadolint accepts only because they contain `=` or `~` (hadolint issue #782 asks for the bounds). Beyond hadolint, the command is also found behind sudo/env wrappers and in `sh -c` strings.",
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { command } of commandsIn(model, model.instructions, ['RUN'], {
      onbuild: true,
    })) {
      if (command.program !== 'apk') continue;
      if (!command.args.some(a => a.value === 'add')) continue;
      const unpinned = nonOptionArguments(command.args, [
        't',
        'virtual',
        'repository',
        'X',
      ])
        .filter(a => a.value !== 'add')
        .filter(a => !isPinned(a.value));
      if (unpinned.length === 0) continue;
      reports.push({
        range: { start: command.nameWord.range.start, end: command.range.end },
        message: `apk add without a version for ${unpinned
          .map(a => a.value)
          .join(', ')}: pin each as <package>=<version>.`,
      });
    }
    return reports;
  },
});
