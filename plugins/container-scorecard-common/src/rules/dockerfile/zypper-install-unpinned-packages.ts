import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { rpmInstallWords } from './helpers/rpmPackageWords';
import { runInstructions } from './helpers/runCommandFacts';

/** hadolint's test of a pinned zypper package: a version relation or a local `.rpm` file. */
const isPinned = (word: string) => /[=<>]/.test(word) || word.endsWith('.rpm');

/** Flags `zypper install` of a package without a version, as hadolint DL3037 does. */
export const zypperInstallUnpinnedPackages = defineRule({
  id: 'zypper-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'zypper install without package versions',
  message:
    'zypper install names packages without versions: pin them as <package>=<version>.',
  rationale:
    'Rebuilding the same Dockerfile should give the same image. An unversioned `zypper install` takes whatever the repositories hold at build time, so two builds of one commit can differ, and the difference surfaces in production rather than in review.',
  remediation: {
    description:
      'Name each package with the version you tested (`<package>=<version>`), or a bound (`<package>>=<version>`, quoted).',
    before: 'RUN zypper install -y apache2 && zypper clean --all',
    after: 'RUN zypper install -y apache2=2.4.58 && zypper clean --all',
  },
  equivalents: { hadolint: 'DL3037', kics: 'Zypper Install Without Version' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3037',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/562952e4-0348-4dea-9826-44f3a2c6117b/',
  },
  equivalentsNote:
    'Same test as hadolint DL3037 (`=`, `<`, `>`, `<=`, `>=` or an `.rpm` file count as pinned; `install` and `in`; ONBUILD RUN triggers are checked). Deliberately narrower: the values of options such as `--repo` and a bare `$VARIABLE` (unknown content) are not judged as packages. Commands behind sudo/env wrappers and in `sh -c` strings are read too.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { commands } of runInstructions(model, { onbuild: true })) {
      for (const command of commands) {
        const install = rpmInstallWords(command, ['zypper'], ['install', 'in']);
        if (!install) continue;
        const unpinned = install.words.filter(w => !isPinned(w));
        if (unpinned.length === 0) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `zypper install without a version for ${unpinned.join(
            ', ',
          )}: pin each as <package>=<version>.`,
        });
      }
    }
    return reports;
  },
});
