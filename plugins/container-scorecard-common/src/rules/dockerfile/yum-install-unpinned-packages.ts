import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { rpmInstallWords } from './helpers/rpmPackageWords';
import { runInstructions } from './helpers/runCommandFacts';

/** hadolint's test of a pinned yum package: a `-` (name-version) or a local `.rpm` file. */
const isPinnedPackage = (word: string) =>
  word.includes('-') || word.endsWith('.rpm');
/** A module stream is pinned with `:` (`nodejs:20`). */
const isPinnedModule = (word: string) => word.includes(':');

/** Flags `yum install` of a package without a version, as hadolint DL3033 does. */
export const yumInstallUnpinnedPackages = defineRule({
  id: 'yum-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'yum install without package versions',
  message:
    'yum install names packages without versions: pin them as <package>-<version>.',
  rationale:
    'Rebuilding the same Dockerfile should give the same image. An unversioned `yum install` takes whatever the mirror holds at build time, so two builds of one commit can differ, and the difference surfaces in production rather than in review.',
  remediation: {
    description:
      'Name each package with the version you tested (`<package>-<version>`); for modules, name the stream (`<module>:<stream>`).',
    before: 'RUN yum install -y httpd && yum clean all',
    after: 'RUN yum install -y httpd-2.4.6 && yum clean all',
  },
  equivalents: { hadolint: 'DL3033', kics: 'Yum install Without Version' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3033',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/6452c424-1d92-4deb-bb18-a03e95d579c4/',
  },
  equivalentsNote:
    'Same test as hadolint DL3033 (a package counts as pinned with a `-` or as an `.rpm` file; a `yum module install` stream needs `:`; ONBUILD RUN triggers are checked). Deliberately narrower: the values of options such as `--enablerepo epel` and a bare `$VARIABLE` (unknown content) are not judged as packages. Commands behind sudo/env wrappers and in `sh -c` strings are read too.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { commands } of runInstructions(model, { onbuild: true })) {
      for (const command of commands) {
        const install = rpmInstallWords(command, ['yum'], ['install']);
        if (!install) continue;
        const unpinned = install.words.filter(w =>
          install.module ? !isPinnedModule(w) : !isPinnedPackage(w),
        );
        if (unpinned.length === 0) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: install.module
            ? `yum module install without a stream for ${unpinned.join(
                ', ',
              )}: name it as <module>:<stream>.`
            : `yum install without a version for ${unpinned.join(
                ', ',
              )}: pin each as <package>-<version>.`,
        });
      }
    }
    return reports;
  },
});
