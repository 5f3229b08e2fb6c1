import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { rpmInstallWords } from './helpers/rpmPackageWords';
import { runInstructions } from './helpers/runCommandFacts';

const VERSION_CHAR = /^[0-9A-Za-z.~^_:+]+$/;

/**
 * hadolint's test of a pinned dnf package: after the first `-`, every dash-separated part is
 * made of version characters and one starts with a digit (`tomcat-9.0.1`, `nginx-1:1.24.0-1.el9`);
 * a local `.rpm` file always names a version.
 */
function isPinnedPackage(word: string): boolean {
  const parts = word.split('-');
  if (parts.length <= 1) return false;
  if (word.endsWith('.rpm')) return true;
  const rest = parts.slice(1);
  // `mysql-shell-$MYSQL_SHELL_VERSION`: the version comes from a build argument.
  if (rest.some(part => part.includes('$'))) return true;
  return (
    rest.every(part => VERSION_CHAR.test(part)) &&
    rest.some(part => /^[0-9]/.test(part))
  );
}

/** Flags `dnf install`/`microdnf install` of a package without a version, as hadolint DL3041. */
export const dnfInstallUnpinnedPackages = defineRule({
  id: 'dnf-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'dnf install without package versions',
  message:
    'dnf install names packages without versions: pin them as <package>-<version>.',
  rationale:
    'Rebuilding the same Dockerfile should give the same image. An unversioned `dnf install` takes whatever the repositories hold at build time, so two builds of one commit can differ, and the difference surfaces in production rather than in review.',
  remediation: {
    description:
      'Name each package with the version you tested (`<package>-<version>`); for modules, name the stream (`<module>:<stream>`).',
    before: 'RUN dnf install -y nginx && dnf clean all',
    after: 'RUN dnf install -y nginx-1.24.0 && dnf clean all',
  },
  equivalents: {
    hadolint: 'DL3041',
    kics: 'Missing Version Specification In dnf install',
  },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3041',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/93d88cf7-f078-46a8-8ddc-178e03aeacf1/',
  },
  equivalentsNote:
    'Same test as hadolint DL3041 for dnf and microdnf (the part after the first `-` must look like a version, `.rpm` files count as pinned, `module install` streams need `:`, `group` installs are not judged; ONBUILD RUN triggers are checked). Deliberately narrower: a version given by a variable (`mysql-shell-$MYSQL_SHELL_VERSION`) counts as pinned, and the values of options such as `--enablerepo epel` and a bare `$VARIABLE` (unknown content) are not judged as packages. Commands behind sudo/env wrappers and in `sh -c` strings are read too.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { commands } of runInstructions(model, { onbuild: true })) {
      for (const command of commands) {
        const install = rpmInstallWords(
          command,
          ['dnf', 'microdnf'],
          ['install'],
        );
        if (!install || (install.group && !install.module)) continue;
        const unpinned = install.words.filter(w =>
          install.module ? !w.includes(':') : !isPinnedPackage(w),
        );
        if (unpinned.length === 0) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: install.module
            ? `${
                command.program
              } module install without a stream for ${unpinned.join(
                ', ',
              )}: name it as <module>:<stream>.`
            : `${command.program} install without a version for ${unpinned.join(
                ', ',
              )}: pin each as <package>-<version>.`,
        });
      }
    }
    return reports;
  },
});
