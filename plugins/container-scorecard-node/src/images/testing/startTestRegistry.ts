import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running Debian `docker-registry` (CNCF distribution) on a loopback port. */
export interface TestRegistry {
  /** `127.0.0.1:<port>`, as image references name it. */
  host: string;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real registry `scripts/ensure-registry.sh` installs, with its storage in a temp
 * directory. A missing binary fails the suite: a skipped registry test would prove nothing.
 */
export async function startTestRegistry(): Promise<TestRegistry> {
  const bin =
    process.env.CONTAINER_SCORECARD_REGISTRY_BIN ?? '/usr/bin/docker-registry';
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-registry-'));
  const configPath = join(dir, 'config.yml');
  // Port 0: the kernel picks a free port and the registry logs it.
  writeFileSync(
    configPath,
    [
      'version: 0.1',
      'log:',
      '  level: info',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      '  addr: 127.0.0.1:0',
      '',
    ].join('\n'),
  );
  const child = spawn(bin, ['serve', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const host = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => reject(new Error(`registry did not start within 15s:\n${log}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', error => {
      clearTimeout(timer);
      reject(
        new Error(
          `could not start ${bin} (run scripts/ensure-registry.sh): ${error.message}`,
        ),
      );
    });
  });
  const url = `http://${host}`;
  await waitForV2(url, child);
  return {
    host,
    url,
    async stop() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForV2(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${url}/v2/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`registry at ${url} never answered /v2/`);
}
