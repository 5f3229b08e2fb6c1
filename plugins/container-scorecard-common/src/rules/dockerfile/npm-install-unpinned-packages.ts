import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { nonOptionArguments } from './helpers/packageCommands';
import { isBareVariable, runInstructions } from './helpers/runCommandFacts';

/** npm options whose value is a separate word (`--loglevel verbose`). */
const OPTIONS_WITH_VALUE = [
  'loglevel',
  'registry',
  'prefix',
  'cache',
  'userconfig',
  'globalconfig',
  'tag',
  'otp',
  'workspace',
  'w',
  'omit',
  'include',
  'install-strategy',
  'before',
  'location',
  'C',
];

/** `npm install` and the aliases npm documents for it. */
const INSTALL_WORDS = ['install', 'i', 'add'];

const GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const PATH_PREFIXES = ['/', './', '../', '~/'];
const TARBALL_SUFFIXES = ['.tar', '.tar.gz', '.tgz'];

/** hadolint's test of a pinned npm package. */
function isPinned(spec: string): boolean {
  if (GIT_PREFIXES.some(p => spec.startsWith(p))) return spec.includes('#');
  if (TARBALL_SUFFIXES.some(s => spec.endsWith(s))) return true;
  if (PATH_PREFIXES.some(p => spec.startsWith(p))) return true;
  // `@scope/name@1.2.3`: the version follows an `@` after the scope.
  if (!spec.startsWith('@')) return spec.includes('@');
  const slash = spec.indexOf('/');
  return slash >= 0 && spec.slice(slash + 1).includes('@');
}

/** The unpinned packages of an `npm install <packages>`, or [] for anything else. */
function unpinnedPackages(command: ShellCommand): string[] {
  if (command.program !== 'npm') return [];
  const words = nonOptionArguments(command.args, OPTIONS_WITH_VALUE).map(
    a => a.value,
  );
  if (!INSTALL_WORDS.includes(words[0])) return [];
  return words
    .slice(1)
    .filter(w => !isBareVariable(w))
    .filter(w => !isPinned(w));
}

/** Flags `npm install <package>` without a version, as hadolint DL3016 does. */
export const npmInstallUnpinnedPackages = defineRule({
  id: 'npm-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'npm install without package versions',
  message:
    'npm install names packages without versions: pin them (<package>@<version>) or install from a lockfile with npm ci.',
  rationale:
    'The npm registry publishes new versions every day. An `npm install <package>` without a version resolves to whatever is newest at build time, so two builds of the same commit can ship different code, and a compromised or broken release reaches the image without anyone changing a line.',
  remediation: {
    description:
      'Pin each package to the version you tested with `@<version>`, or declare the dependencies in package.json and install the lockfile with `npm ci`.',
    before: 'RUN npm install -g typescript',
    after: 'RUN npm install -g typescript@5.6.3',
  },
  equivalents: {
    hadolint: 'DL3016',
    kics: 'NPM Install Command Without Pinned Version',
  },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3016',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/e36d8880-3f78-4546-b9a1-12f0745ca0d5/',
  },
  equivalentsNote:
    'Same test as hadolint DL3016 (`name@version`, `@scope/name@version`, git URLs with `#ref`, tarballs and local paths count as pinned; a tag such as `@latest` counts as pinned too, as in hadolint; `npm install` with no package reads package.json and is accepted; ONBUILD RUN triggers are checked). Deliberately wider: the `i` and `add` aliases of install are read, values of options such as `--registry` are not taken for packages, and a bare `$VARIABLE` (unknown content) is not judged. Commands behind sudo/env wrappers and in `sh -c` strings are read too.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { commands } of runInstructions(model, { onbuild: true })) {
      for (const command of commands) {
        const unpinned = unpinnedPackages(command);
        if (unpinned.length === 0) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `npm install without a version for ${unpinned.join(
            ', ',
          )}: pin each as <package>@<version>.`,
        });
      }
    }
    return reports;
  },
});
