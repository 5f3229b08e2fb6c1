import { runCli } from './runCli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs the `container-scorecard` command with this process's working directory, environment and
 * standard streams, and resolves to its exit code (documented in docs/cli.md). The package's bin
 * calls it; it is exported from the package's main entry so that the build emits it.
 *
 * @public
 */
export function runContainerScorecardCli(argv: string[]): Promise<number> {
  return runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
  });
}
