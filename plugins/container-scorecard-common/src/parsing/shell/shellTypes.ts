import type { SourceRange } from '../../model/types';

/**
 * One word of a shell command (the command name or an argument).
 *
 * @public
 */
export interface ShellWord {
  /** The word after quote removal; expansions such as `$HOME` are kept as written. */
  value: string;
  /** The word as written. */
  raw: string;
  range: SourceRange;
  /** File offsets [start, end) of the raw word. */
  startOffset: number;
  endOffset: number;
}

/**
 * A redirection written with a command: `> file`, `>> file`, `2> file`, `&> file`, `2>&1`.
 *
 * @public
 */
export interface ShellRedirect {
  /** The operator: `>`, `>>`, `&>`, `&>>`, `>&`, `<`, ... */
  operator: string;
  /** The file descriptor written before the operator (`2` in `2>`), when there is one. */
  descriptor?: string;
  /** The target: a file, or a descriptor number for `>&`. */
  target: ShellWord;
}

/**
 * A simple command found anywhere in a shell script: in `&&`/`||`/`;` lists, pipelines,
 * subshells, command substitutions, `sh -c '...'` strings and shell heredocs.
 *
 * @public
 */
export interface ShellCommand {
  /** The command name as written, after wrappers (`sudo`, `env`, ...) are skipped. */
  name: string;
  /** The base name of `name`: `/usr/bin/apt-get` gives `apt-get`. */
  program: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** Wrapper commands that were skipped to find the real one, outermost first. */
  wrappers: string[];
  /** `NAME=value` prefixes. */
  assignments: string[];
  range: SourceRange;
  startOffset: number;
  endOffset: number;
  /** 0 for the instruction's own shell, 1 inside its `sh -c '...'`, and so on. */
  depth: number;
  /** File redirections applied to this command (absent in exec-form argv). */
  redirects?: ShellRedirect[];
}

/**
 * A pipeline of at least two commands (`a | b`, `a |& b`).
 *
 * @public
 */
export interface ShellPipeline {
  range: SourceRange;
  startOffset: number;
  endOffset: number;
  depth: number;
  /** True when `set -o pipefail` (or `bash -o pipefail -c`) is in effect at this pipeline. */
  pipefail: boolean;
  /**
   * True when every command but the last is a plain `echo` or `printf` with no command or
   * process substitution in it: builtins printing their arguments, whose status pipefail would
   * have nothing to report (`echo "$SUM  file" | sha256sum -c`).
   */
  onlyPrintsBeforeLast: boolean;
}

/**
 * What the engine knows about one shell script.
 *
 * @public
 */
export interface ShellScript {
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  /** The grammar could not parse part of the script; what it could parse is still reported. */
  hasSyntaxErrors: boolean;
}

/** An empty script, for instructions that have no shell. */
export const EMPTY_SHELL_SCRIPT: ShellScript = {
  commands: [],
  pipelines: [],
  hasSyntaxErrors: false,
};
