/**
 * The CLI's exit codes. Documented in docs/cli.md; CI pipelines depend on them, so never reuse a
 * number for another meaning.
 */
export const EXIT_CODES = {
  /** Everything analysed and no threshold was crossed. */
  ok: 0,
  /** `--fail-below` or `--fail-on` was crossed. */
  thresholdFailed: 1,
  /** Bad command line, a path that does not exist, or an invalid configuration file. */
  usageError: 2,
  /** `--strict` was given and at least one container definition could not be analysed. */
  couldNotAnalyse: 3,
  /** A bug: the CLI itself failed. */
  internalError: 4,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * An error the user can fix (bad option, missing path, invalid configuration): printed without a
 * stack trace, exit code 2.
 */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
