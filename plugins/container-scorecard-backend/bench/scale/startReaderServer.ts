import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A started reader backend: where it listens, its current RSS, and how to stop it. */
export interface ReaderServer {
  baseUrl: string;
  /** Resident memory of the backend process now, in bytes (Linux /proc). */
  rss: () => number;
  /** How the backend process ended, when it did (a crash under load must not read as errors). */
  exited: () => string | undefined;
  stop: () => void;
}

/** Resident memory of a process, from /proc/<pid>/status; 0 once it is gone. */
export function rssOfProcess(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts readerServer.ts over `database` with a catalog of `entities` and waits for its port. */
export function startReaderServer(
  database: string,
  entities: number,
): Promise<ReaderServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, 'readerServer.ts'),
      ...['--database', database, '--entities', String(entities)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let exited: string | undefined;
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code, signal) => {
      exited = signal ? `killed by ${signal}` : `exited with ${code}`;
      reject(new Error(`the reader backend ${exited}`));
    });
    child.stdout!.on('data', chunk => {
      output += chunk;
      const line = /\{"port":\d+\}/.exec(output);
      if (!line) return;
      const { port } = JSON.parse(line[0]);
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        rss: () => rssOfProcess(child.pid!),
        exited: () => exited,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    });
  });
}
