import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_BASE_PATH } from './catalogRoutes';

/**
 * A started reader backend: where it listens, its current RSS, and how to stop it. The catalog
 * it asks runs in a process of its own (catalogServer.ts), started and stopped with it; `rss` is
 * the backend's alone, the catalog stand-in's is reported apart.
 */
export interface ReaderServer {
  baseUrl: string;
  /** Resident memory of the backend process now, in bytes (Linux /proc). */
  rss: () => number;
  /** The catalog stand-in process's highest RSS since it started, sampled every 250 ms. */
  catalogPeakRss: () => number;
  /** How the backend or its catalog ended, when one did (a crash must not read as errors). */
  exited: () => string | undefined;
  /** Kills both processes; safe to call more than once. */
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

interface Child {
  process: ChildProcess;
  port: number;
  exited: () => string | undefined;
  kill: () => void;
}

/**
 * The reader backend's V8 heap limit, in MB: what a replica given a 1 GiB memory budget is started
 * with (`NODE_OPTIONS=--max-old-space-size=…`), leaving room for buffers and code. Without it V8
 * sizes its heap from the machine's 24 GiB and lets garbage pile up long before collecting, so
 * the RSS measured is mostly garbage (1,134 MB at 100,000 entities). With it, a live set that
 * does not fit ends the process with an out-of-memory error, which the phase reports.
 */
export const REPLICA_HEAP_MB = 640;

/**
 * Runs `script` (a .ts file next to this one) with `args` and waits for the `{"port": N}` line
 * it prints. Its standard input is a pipe it watches, so it ends with this process however this
 * one ends; it is also killed on this process's exit.
 */
function startChild(
  name: string,
  script: string,
  args: string[],
  nodeOptions: string[] = [],
) {
  const child = spawn(
    process.execPath,
    [
      ...nodeOptions,
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, script),
      ...args,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  };
  process.on('exit', kill);
  let exited: string | undefined;
  return new Promise<Child>((resolve, reject) => {
    let output = '';
    child.on('exit', (code, signal) => {
      exited = `${name} ${
        signal ? `killed by ${signal}` : `exited with ${code}`
      }`;
      process.off('exit', kill);
      reject(new Error(exited));
    });
    child.on('error', reject);
    child.stdout!.on('data', chunk => {
      output += chunk;
      const line = /\{"port":\d+\}/.exec(output);
      if (!line) return;
      output = '';
      resolve({
        process: child,
        port: JSON.parse(line[0]).port,
        exited: () => exited,
        kill,
      });
    });
  });
}

/**
 * Starts the catalog stand-in of `entities` entities, then readerServer.ts over `database`
 * asking it, and waits for both to listen. If either fails to start, both are killed.
 */
export async function startReaderServer(
  database: string,
  entities: number,
): Promise<ReaderServer> {
  const catalog = await startChild('the catalog stand-in', 'catalogServer.ts', [
    '--entities',
    String(entities),
  ]);
  let catalogPeakRss = rssOfProcess(catalog.process.pid!);
  const sampler = setInterval(() => {
    catalogPeakRss = Math.max(
      catalogPeakRss,
      rssOfProcess(catalog.process.pid!),
    );
  }, 250);
  sampler.unref();
  let backend: Child;
  try {
    backend = await startChild(
      'the reader backend',
      'readerServer.ts',
      [
        ...['--database', database],
        ...[
          '--catalog',
          `http://127.0.0.1:${catalog.port}${CATALOG_BASE_PATH}`,
        ],
      ],
      [`--max-old-space-size=${REPLICA_HEAP_MB}`],
    );
  } catch (error) {
    clearInterval(sampler);
    catalog.kill();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${backend.port}`,
    rss: () => rssOfProcess(backend.process.pid!),
    catalogPeakRss: () => catalogPeakRss,
    exited: () => backend.exited() ?? catalog.exited(),
    stop: () => {
      clearInterval(sampler);
      backend.kill();
      catalog.kill();
    },
  };
}
