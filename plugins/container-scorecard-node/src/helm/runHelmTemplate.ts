import { spawn } from 'node:child_process';

/**
 * How to run a `helm` binary: `containerScorecard.helm` in the portal, `--helm-command` on the
 * command line.
 *
 * @public
 */
export interface HelmCommandOptions {
  /** The executable (`helm`, `/usr/local/bin/helm`): run without a shell. */
  command: string;
  /** Longest run per chart; past it the process and its children are killed. */
  timeoutMs: number;
  /** Bytes of standard output per chart; past it the process is killed. */
  maxOutputBytes: number;
}

/**
 * What one run gave: the rendered documents, or why there are none.
 *
 * @public
 */
export type HelmTemplateRun =
  | { ok: true; stdout: string }
  | { ok: false; reason: string };

const STDERR_SHOWN = 1000;

/**
 * Runs `<command> <args>` without a shell and without blocking the event loop, within a time
 * and an output bound. This is `execFile` done by hand: `execFile` does not pass `detached` on,
 * and the process needs its own process group so that the whole group is killed at the deadline
 * (a wrapper script's children must not keep the run, and its pipes, alive). Never rejects:
 * every failure is a reason a person can act on.
 *
 * @public
 */
export function runHelmTemplate(
  args: readonly string[],
  options: HelmCommandOptions & { cwd: string },
): Promise<HelmTemplateRun> {
  return new Promise(resolve => {
    let stopped: 'timeout' | 'output' | undefined;
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let settled = false;
    const child = spawn(options.command, [...args], {
      cwd: options.cwd,
      detached: true,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stop = (why: 'timeout' | 'output') => {
      stopped ??= why;
      killGroup(child.pid);
    };
    // Node fires a longer timer at once: past 2^31-1 ms means no deadline worth keeping.
    const timer = setTimeout(
      () => stop('timeout'),
      Math.min(options.timeoutMs, 2_147_483_647),
    );
    const settle = (run: HelmTemplateRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxOutputBytes) stop('output');
      else if (!stopped) stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_SHOWN * 2) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      killGroup(child.pid);
      settle({
        ok: false,
        reason: describe(error.code ?? error.message, stderr),
      });
    });
    child.on('close', (code, signal) => {
      if (code === 0 && !stopped) {
        settle({ ok: true, stdout: Buffer.concat(stdout).toString('utf8') });
        return;
      }
      // What a failed command started (a wrapper's children) ends with it.
      killGroup(child.pid);
      settle({
        ok: false,
        reason: describe(
          stopped ??
            (code !== null
              ? `exited with status ${code}`
              : `ended by signal ${signal ?? 'unknown'}`),
          stderr,
        ),
      });
    });
  });

  function describe(what: string, stderr: string): string {
    const command = `The Helm command "${options.command}"`;
    switch (what) {
      case 'timeout':
        return `${command} did not finish within ${formatMs(
          options.timeoutMs,
        )} (helm.timeout) and was stopped.`;
      case 'output':
        return `${command} wrote more than ${options.maxOutputBytes} bytes (helm.maxOutputBytes) and was stopped.`;
      case 'ENOENT':
        return `${command} was not found: configure the path of a helm binary (helm.command), or remove it to use the built-in renderer.`;
      case 'EACCES':
        return `${command} cannot be run (permission denied).`;
      default: {
        const said = stderr.trim();
        const shown =
          said.length > STDERR_SHOWN ? `${said.slice(0, STDERR_SHOWN)}…` : said;
        return `helm template failed (${what})${shown ? `: ${shown}` : '.'}`;
      }
    }
  }
}

function killGroup(pid: number | undefined) {
  if (pid === undefined) return;
  try {
    // A negative pid is the process group (POSIX): the command and everything it started.
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
