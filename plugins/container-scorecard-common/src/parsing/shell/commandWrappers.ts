/**
 * Commands that run another command given as their arguments. To find `apt-get` in
 * `sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install`, we skip them with their options.
 * For each wrapper: the options that take a separate value, and how many plain arguments come
 * before the wrapped command.
 */
interface WrapperSpec {
  optionsWithValue: string[];
  leadingArguments?: number;
  skipAssignments?: boolean;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    optionsWithValue: [
      '-u',
      '-g',
      '-C',
      '-D',
      '-h',
      '-p',
      '-r',
      '-t',
      '-U',
      '-T',
    ],
  },
  doas: { optionsWithValue: ['-u', '-C'] },
  env: { optionsWithValue: ['-u', '-C', '-S'], skipAssignments: true },
  nice: { optionsWithValue: ['-n'] },
  nohup: { optionsWithValue: [] },
  exec: { optionsWithValue: ['-a'] },
  command: { optionsWithValue: [] },
  time: { optionsWithValue: ['-f', '-o'] },
  timeout: { optionsWithValue: ['-s', '-k'], leadingArguments: 1 },
  xargs: { optionsWithValue: ['-I', '-n', '-P', '-L', '-d', '-E', '-s', '-a'] },
  stdbuf: { optionsWithValue: ['-i', '-o', '-e'] },
  tini: { optionsWithValue: ['-p', '-e'] },
  'dumb-init': { optionsWithValue: ['-r'] },
  gosu: { optionsWithValue: [], leadingArguments: 1 },
  'su-exec': { optionsWithValue: [], leadingArguments: 1 },
};

/** The base name of a command path: `/usr/bin/apt-get` gives `apt-get`. */
export function programName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

/**
 * Finds the index of the real command in a list of words.
 * Returns the wrappers that were skipped; the index equals `values.length` when a wrapper has
 * no command after it (`sudo -v`).
 */
export function unwrapCommand(values: string[]): {
  index: number;
  wrappers: string[];
} {
  const wrappers: string[] = [];
  let index = 0;
  while (index < values.length) {
    const program = programName(values[index]);
    const spec = WRAPPERS[program];
    if (!spec) break;
    wrappers.push(program);
    index++;
    let leading = spec.leadingArguments ?? 0;
    while (index < values.length) {
      const value = values[index];
      if (value === '--') {
        index++;
        break;
      }
      if (value.startsWith('-') && value.length > 1) {
        index += spec.optionsWithValue.includes(value) ? 2 : 1;
      } else if (
        spec.skipAssignments &&
        /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)
      ) {
        index++;
      } else if (leading > 0) {
        leading--;
        index++;
      } else break;
    }
  }
  return { index, wrappers };
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** True for the POSIX-like shells whose `-c` string we parse. */
export function isShellProgram(program: string): boolean {
  return SHELLS.has(program);
}

/**
 * Reads the options of a shell invocation (`bash -euxo pipefail -c '...'`).
 * Returns the index of the `-c` script argument when there is one.
 */
export function readShellInvocation(args: string[]): {
  scriptIndex?: number;
  pipefail: boolean;
} {
  let hasC = false;
  let pipefail = false;
  let index = 0;
  while (index < args.length) {
    const arg = args[index];
    if (arg === '--') {
      index++;
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      index++;
      continue;
    }
    if (!/^[-+][A-Za-z]+$/.test(arg)) break;
    if (arg.includes('c') && arg.startsWith('-')) hasC = true;
    if (arg.includes('o')) {
      if (args[index + 1] === 'pipefail') pipefail = arg.startsWith('-');
      index += 2;
    } else index++;
  }
  return {
    scriptIndex: hasC && index < args.length ? index : undefined,
    pipefail,
  };
}

/**
 * The effect of a `set` builtin on pipefail: `set -o pipefail`, `set -euo pipefail` turn it on,
 * `set +o pipefail` turns it off; anything else leaves it as it was (undefined).
 */
export function pipefailFromSet(args: string[]): boolean | undefined {
  let result: boolean | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (/^[-+][A-Za-z]*o[A-Za-z]*$/.test(arg) && args[i + 1] === 'pipefail') {
      result = arg.startsWith('-');
      i++;
    }
  }
  return result;
}
