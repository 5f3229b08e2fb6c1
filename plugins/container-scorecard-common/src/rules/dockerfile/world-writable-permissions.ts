import type { ShellCommand, ShellWord } from '../../parsing/shell/shellTypes';
import type { SourceRange } from '../../model/types';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** chmod options that are not the mode (GNU and BusyBox). */
const CHMOD_OPTION = /^(--[a-z-]+(=.*)?|-[RcfvHLP]+)$/;

/**
 * True when a chmod mode gives write permission to others: numeric modes whose last digit has
 * the write bit (`777`, `0666`), or symbolic clauses for `o`/`a` that add or set `w`
 * (`a+rwx`, `o=rw`, `ugo+w`). A sticky directory (`1777`, `+t`), where others cannot remove
 * each other's files, is not flagged: it is how /tmp-like directories are meant to be.
 */
export function grantsWorldWrite(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const others = Number(mode[mode.length - 1]);
    const sticky = mode.length === 4 && (Number(mode[0]) & 1) === 1;
    return (others & 2) === 2 && !sticky;
  }
  const clauses = mode.split(',');
  if (clauses.some(c => /t/.test(c.replace(/^[ugoa]*/, '')))) return false;
  return clauses.some(clause => {
    const match = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    if (!match) return false;
    const who = match[1];
    return /[oa]/.test(who) && match[3].includes('w');
  });
}

function modeWord(args: ShellWord[]): ShellWord | undefined {
  return args.find(arg => !CHMOD_OPTION.test(arg.value));
}

/** `${tempDir}` and `$tempDir` name the same path; a trailing slash does not change it. */
function pathKey(word: string): string {
  const key = word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$$1');
  return key.length > 1 ? key.replace(/\/+$/, '') : key;
}

/**
 * The paths each `rm` of the RUN removes, with the offset of the last removal: a chmod on one
 * of them (or on something under one) before that offset leaves nothing behind in the layer.
 */
function removedPaths(commands: readonly ShellCommand[]): Map<string, number> {
  const removed = new Map<string, number>();
  for (const command of commands) {
    if (command.program !== 'rm') continue;
    for (const arg of command.args) {
      if (arg.value.startsWith('-')) continue;
      const key = pathKey(arg.value);
      removed.set(key, Math.max(removed.get(key) ?? -1, command.startOffset));
    }
  }
  return removed;
}

/** True when the path, or a directory above it, is removed after `offset` in the same RUN. */
function removedLater(
  path: string,
  offset: number,
  removed: ReadonlyMap<string, number>,
): boolean {
  // Walks up the path's own segments: cost is its length, not the number of removals.
  for (let key = pathKey(path); key; ) {
    if ((removed.get(key) ?? -1) > offset) return true;
    const slash = key.lastIndexOf('/');
    if (slash <= 0) return false;
    key = key.slice(0, slash);
  }
  return false;
}

/**
 * Flags permissions that let any user write: `chmod 777`/`666`/`a+rwx`/`o+w` in RUN (wherever
 * the shell runs it) and `COPY`/`ADD --chmod=` with such a mode, in every stage (COPY --from
 * carries modes from build stages into the final image). A chmod whose every target the same
 * RUN removes afterwards (a scratch directory) is not reported: nothing of it reaches the layer.
 */
export const worldWritablePermissions = defineRule({
  id: 'world-writable-permissions',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'World-writable permissions',
  message:
    'This mode makes files writable by every user: grant write access to the owner (the app user) only.',
  rationale:
    'chmod 777 is usually a shortcut around "the app user cannot write here". In a container it means any process, whatever user it runs as, can replace the code or configuration the main process loads, turning a small foothold into control of the service. The right fix is ownership: give the directory to the user the process runs as. A scratch directory opened up and deleted within the same RUN (`chmod 777 "$tempDir"` ... `rm -rf "$tempDir"`) is not reported, since nothing of it reaches the image.',
  remediation: {
    description:
      'Give the directory to the runtime user (`chown` or `COPY --chown`) and keep write access for that owner only.',
    before: 'RUN mkdir -p /app/data && chmod -R 777 /app/data\nUSER 10001',
    after:
      'RUN mkdir -p /app/data && chown -R 10001:10001 /app/data && chmod -R 750 /app/data\nUSER 10001',
  },
  equivalents: {},
  check({ file }) {
    const reports: RuleReport[] = [];
    const report = (range: SourceRange, mode: string) =>
      reports.push({
        range,
        message: `Mode ${mode} makes files writable by every user: grant write access to the owner (the app user) only.`,
      });
    for (const instruction of file.dockerfile.instructions) {
      if (instruction.keyword === 'RUN') {
        const { commands } = instruction.shell;
        let removed: Map<string, number> | undefined;
        for (const command of commands) {
          if (command.program !== 'chmod') continue;
          const mode = modeWord(command.args);
          if (!mode || !grantsWorldWrite(mode.value)) continue;
          // A scratch directory the same RUN deletes (`tmp="$(mktemp -d)" && chmod 777 "$tmp"
          // ... && rm -rf "$tmp"`) never reaches the layer: only targets that survive count.
          const targets = command.args.filter(
            arg => arg !== mode && !CHMOD_OPTION.test(arg.value),
          );
          const removedMap = (removed ??= removedPaths(commands));
          if (
            targets.length > 0 &&
            targets.every(t =>
              removedLater(t.value, command.startOffset, removedMap),
            )
          )
            continue;
          report(
            { start: command.nameWord.range.start, end: command.range.end },
            mode.value,
          );
        }
      } else if (
        instruction.keyword === 'COPY' ||
        instruction.keyword === 'ADD'
      ) {
        for (const flag of instruction.flags) {
          if (
            flag.name === 'chmod' &&
            flag.value &&
            grantsWorldWrite(flag.value)
          )
            report(flag.range, flag.value);
        }
      }
    }
    return reports;
  },
});
