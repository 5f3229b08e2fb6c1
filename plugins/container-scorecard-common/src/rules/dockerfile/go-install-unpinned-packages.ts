import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { isBareVariable, runInstructions } from './helpers/runCommandFacts';

/** Go build flags whose value is a separate word (`-ldflags "-s -w"`, `-tags netgo`). */
const FLAGS_WITH_VALUE = new Set([
  'ldflags',
  'gcflags',
  'asmflags',
  'gccgoflags',
  'tags',
  'o',
  'mod',
  'modfile',
  'p',
  'pkgdir',
  'toolexec',
  'overlay',
  'pgo',
  'C',
  'buildmode',
  'compiler',
  'installsuffix',
  'exec',
  'covermode',
  'coverpkg',
  'buildvcs',
]);

/** A package on disk rather than in a module proxy: it has no version to pin. */
function isLocalPath(word: string): boolean {
  return (
    word === '.' ||
    word.startsWith('/') ||
    word.startsWith('.') ||
    // `go run build.go`: a source file of the build context.
    word.endsWith('.go')
  );
}

/** hadolint's test: `@<version>`, where `@latest` and `@none` do not count. */
function isPinned(word: string): boolean {
  return (
    isLocalPath(word) ||
    (word.includes('@') && !word.endsWith('@latest') && !word.endsWith('@none'))
  );
}

/**
 * The packages of `go install`, `go get` and `go run` (for `go run`, only the package: what
 * follows it are the program's own arguments).
 */
function goPackages(command: ShellCommand): string[] {
  if (command.program !== 'go') return [];
  const values = command.args.map(a => a.value);
  const subcommand = values[0];
  if (!['install', 'get', 'run'].includes(subcommand)) return [];
  const packages: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    if (value.startsWith('-')) {
      const name = value.replace(/^--?/, '');
      if (!name.includes('=') && FLAGS_WITH_VALUE.has(name)) i++;
      continue;
    }
    if (value === 'tool' && subcommand === 'install') continue;
    packages.push(value);
    if (subcommand === 'run') break;
  }
  return packages;
}

/** Flags `go install`/`go get`/`go run` of a module without a version, as hadolint DL3062. */
export const goInstallUnpinnedPackages = defineRule({
  id: 'go-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'go install without a module version',
  message:
    'go install names a module without a version (or @latest): pin it as <module>@<version>.',
  rationale:
    'An image should be built only from inputs you can name. `go install example.com/tool` or `@latest` resolves to whatever was tagged last when the image is built, so two builds of the same commit can ship different binaries, and a new release nobody reviewed lands in the image.',
  remediation: {
    description:
      'Name the version you tested after `@`; Go then checks the module against the checksum database.',
    before: 'RUN go install golang.org/x/tools/gopls@latest',
    after: 'RUN go install golang.org/x/tools/gopls@v0.16.2',
  },
  equivalents: { hadolint: 'DL3062' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3062',
  },
  equivalentsNote:
    'Same test as hadolint DL3062 (`go install`, `go get` and `go run` need `@<version>`, where `@latest` and `@none` do not count; local paths are exempt, and deliberately also `.go` files such as `go run build.go`, which hadolint flags; for `go run` only the package is judged, not the program arguments after it; ONBUILD RUN triggers are checked). Deliberately narrower: the values of build flags such as `-ldflags` or `-tags` and a bare `$VARIABLE` are not judged as packages, and each go command is judged on its own (hadolint looks only at `go run` when a RUN has both).',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { commands } of runInstructions(model, { onbuild: true })) {
      for (const command of commands) {
        const unpinned = goPackages(command)
          .filter(p => !isBareVariable(p))
          .filter(p => !isPinned(p));
        if (unpinned.length === 0) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `go ${
            command.args[0].value
          } without a pinned version for ${unpinned.join(
            ', ',
          )}: use <module>@<version>.`,
        });
      }
    }
    return reports;
  },
});
