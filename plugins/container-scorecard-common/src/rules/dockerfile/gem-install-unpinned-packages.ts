import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { isOptionWord, optionNames } from './helpers/packageCommands';
import { isBareVariable, runInstructions } from './helpers/runCommandFacts';

/** `gem install` options whose value is a separate word. */
const OPTIONS_WITH_VALUE = new Set([
  's',
  'source',
  'i',
  'install-dir',
  'n',
  'bindir',
  'platform',
  'g',
  'file',
  'P',
  'trust-policy',
  'build-root',
  'p',
  'http-proxy',
  'document',
]);

/** The gems named by a `gem install`/`gem i`, or [] when it names a version with -v. */
function unpinnedGems(command: ShellCommand): string[] {
  if (command.program !== 'gem') return [];
  const values = command.args.map(a => a.value);
  if (!values.includes('install') && !values.includes('i')) return [];
  if (
    values.some(
      v => v === '-v' || v === '--version' || v.startsWith('--version='),
    )
  )
    return [];
  const gems: string[] = [];
  let subcommandSeen = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Everything after `--` is passed to the gem's native extension build.
    if (value === '--') break;
    if (isOptionWord(value)) {
      const next = values[i + 1];
      const takesValue =
        !value.includes('=') &&
        optionNames(value).some(name => OPTIONS_WITH_VALUE.has(name));
      // `--use-system-libraries true`: an unknown long option followed by a boolean is that
      // option's value (hadolint's published cases treat it so).
      const booleanValue =
        value.startsWith('--') &&
        !value.includes('=') &&
        (next === 'true' || next === 'false');
      if (takesValue || booleanValue) i++;
      continue;
    }
    if (!subcommandSeen && (value === 'install' || value === 'i')) {
      subcommandSeen = true;
      continue;
    }
    if (!subcommandSeen) continue;
    gems.push(value);
  }
  // A local `.gem` file names its version (`pups-1.4.0.gem`).
  return gems.filter(
    g => !g.includes(':') && !g.endsWith('.gem') && !isBareVariable(g),
  );
}

/** Flags `gem install <gem>` without a version, as hadolint DL3028 does. */
export const gemInstallUnpinnedPackages = defineRule({
  id: 'gem-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'gem install without versions',
  message:
    'gem install names gems without versions: pin them (<gem>:<version> or -v <version>) or install from a Gemfile.lock.',
  rationale:
    'An image should be the same every time its Dockerfile is built. `gem install` without a version takes the newest release on rubygems.org at build time, so a rebuild for an unrelated change can pull in a new major version, or a hijacked release, that nobody reviewed.',
  remediation: {
    description:
      'Pin each gem with `<gem>:<version>` or `-v <version>`, or declare the gems in a Gemfile and run `bundle install` against its lockfile.',
    before: 'RUN gem install bundler',
    after: 'RUN gem install bundler:2.5.22',
  },
  equivalents: { hadolint: 'DL3028', kics: 'Gem Install Without Version' },
  equivalentLinks: {
    kics: 'https://github.com/Checkmarx/kics/tree/master/assets/queries/dockerfile/gem_install_without_version',
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3028',
  },
  equivalentsNote:
    'Same test as hadolint DL3028 (`gem install`/`gem i`: each gem needs `:<version>` unless `-v`/`--version` is given; ONBUILD RUN triggers are checked). Deliberately narrower: a local `.gem` file counts as pinned (its name carries the version), and the values of `-s`, `-i`, `-n`, `--platform` and the like (which hadolint reads as gems), the words after `--` (build flags) and a bare `$VARIABLE` are not judged. Commands behind sudo/env wrappers and in `sh -c` strings are read too.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { commands } of runInstructions(model, { onbuild: true })) {
      for (const command of commands) {
        const unpinned = unpinnedGems(command);
        if (unpinned.length === 0) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `gem install without a version for ${unpinned.join(
            ', ',
          )}: pin each as <gem>:<version>.`,
        });
      }
    }
    return reports;
  },
});
