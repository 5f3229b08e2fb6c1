import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';
import { nonOptionArguments, optionNames } from './helpers/packageCommands';

/**
 * pip options whose value is a separate word, so the value is never read as a package:
 * hadolint's list, plus the rest of `pip install`'s value-taking options and pip's general
 * options (pip's cmdoptions.py), which hadolint reads as package names (`--python /venv/bin/python`,
 * `--root-user-action ignore`).
 */
const OPTIONS_WITH_VALUE = [
  // hadolint's DL3013 list
  'abi',
  'b',
  'build',
  'e',
  'editable',
  'extra-index-url',
  'f',
  'find-links',
  'i',
  'index-url',
  'implementation',
  'no-binary',
  'only-binary',
  'platform',
  'prefix',
  'progress-bar',
  'proxy',
  'python-version',
  'root',
  'src',
  't',
  'target',
  'trusted-host',
  'upgrade-strategy',
  // the rest of pip install's options that take a value
  'C',
  'config-settings',
  'global-option',
  'build-option',
  'install-option',
  'root-user-action',
  'report',
  'group',
  'uploaded-prior-to',
  // pip's general options
  'python',
  'log',
  'log-file',
  'local-log',
  'retries',
  'timeout',
  'exists-action',
  'cert',
  'client-cert',
  'cache-dir',
  'keyring-provider',
  'use-feature',
  'use-deprecated',
  'resume-retries',
];

/** `pip`, `pip3`, `pip3.12`: not `pipenv`, `pipx` or `pip-compile`, which are other tools. */
const PIP = /^pip(\d+(\.\d+)*)?$/;

/** The version-control schemes pip accepts (`git+https://...@v1.2`). */
const VCS_SCHEME =
  /^(git\+(file|https?|ssh|git)|git|hg\+(file|https?|ssh|static-http)|svn(\+(svn|https?|ssh))?|bzr\+(https?|ssh|sftp|ftp|lp))/;
const VERSION_SYMBOLS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];

function isPinned(word: string): boolean {
  if (VERSION_SYMBOLS.some(symbol => word.includes(symbol))) return true;
  const isVcs = VCS_SCHEME.test(word);
  if (isVcs) return word.includes('@');
  // A wheel, an sdist or a local path.
  return (
    word.endsWith('.whl') || word.endsWith('.tar.gz') || word.includes('/')
  );
}

function isPipInstall(command: ShellCommand): boolean {
  const values = command.args.map(a => a.value);
  if (PIP.test(command.program)) return values.includes('install');
  // Any python (`python3.12`, `python$PYTHON_VERSION`): `-m pip install` says it is pip.
  if (!command.program.startsWith('python')) return false;
  return values.some(
    (value, i) =>
      value === '-m' && values[i + 1] === 'pip' && values[i + 2] === 'install',
  );
}

/** The unpinned packages of a pip install, or [] when hadolint's DL3013 would accept it. */
function unpinnedPackages(command: ShellCommand): string[] {
  if (!isPipInstall(command)) return [];
  const values = command.args.map(a => a.value);
  if (values.includes('.')) return [];
  // A requirements or constraints file pins the versions, however the option is written
  // (`-r f`, `--requirement=f`, `-Ur f`).
  const flags = values.flatMap(optionNames);
  if (['r', 'requirement', 'c', 'constraint'].some(f => flags.includes(f)))
    return [];
  const words = nonOptionArguments(command.args, OPTIONS_WITH_VALUE).map(
    a => a.value,
  );
  const install = words.indexOf('install');
  if (install < 0) return [];
  return words
    .slice(install)
    .filter(w => w !== 'install')
    .filter(w => !isPinned(w));
}

/** Flags `pip install <package>` without a version, as hadolint DL3013 does. */
export const pipInstallUnpinnedPackages = defineRule({
  id: 'pip-install-unpinned-packages',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'pip install without package versions',
  message:
    'pip install names packages without versions: pin them (<package>==<version>) or install from a requirements file.',
  rationale:
    "Python packages publish new versions constantly. An unpinned `pip install` makes every image build resolve the dependency tree afresh, so a rebuild for an unrelated change can ship a new major version of a library nobody reviewed. Only pip's own installs are read: pipenv, pipx and pip-compile have lock files of their own, and the values of pip's options (an index URL, a target directory, `--root-user-action ignore`) are never taken for package names.",
  remediation: {
    description:
      'Pin each package with `==`, or keep the versions in a requirements (or constraints) file installed with `-r`.',
    before: 'RUN pip install --no-cache-dir flask gunicorn',
    after:
      'COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
  },
  equivalents: { hadolint: 'DL3013' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3013',
  },
  equivalentsNote:
    "Same test as hadolint DL3013 (version specifiers, VCS URLs with `@ref`, wheels, sdists and paths count as pinned; `-r`, `--requirement`, `.` and constraint files are accepted), ONBUILD RUN triggers included. Deliberate differences: only pip itself is read (`pip`, `pip3`, `pip3.12`, `python -m pip`), not every program whose name starts with pip (pipenv, pipx, pip-compile are other tools with their own lock files); the values of all of pip's value-taking options are skipped (hadolint's list misses `--python`, `--root-user-action`, `--config-settings`, `--cert`, `--cache-dir` and more, and reads their values as unpinned packages); a requirements or constraints option counts however it is written (`--requirement=f`, `-Ur f`). Beyond hadolint, the command is also found behind sudo/env wrappers and in `sh -c` strings.",
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { command } of commandsIn(model, model.instructions, ['RUN'], {
      onbuild: true,
    })) {
      const unpinned = unpinnedPackages(command);
      if (unpinned.length === 0) continue;
      reports.push({
        range: { start: command.nameWord.range.start, end: command.range.end },
        message: `pip install without a version for ${unpinned.join(
          ', ',
        )}: pin each as <package>==<version> or use a requirements file.`,
      });
    }
    return reports;
  },
});
