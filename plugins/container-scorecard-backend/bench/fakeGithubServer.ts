/*
 * The fake GitHub of the benches over real HTTP, from a process of its own, with a round-trip
 * time of its own (`--latency-ms`, default 100).
 *
 * Why: in a deployment a scan mostly waits on the SCM (GitHub's API answers in 100-300 ms, and
 * the reader asks twice per repository: the commit status, then the tarball), and that wait is
 * what a second replica overlaps. msw in each replica's own process answers at once and costs
 * CPU there instead, so a sweep measured that way is pure CPU and says nothing about replicas.
 *
 * The answers are the ones `FakeGithub` (src/__testUtils__/fakeGithub.ts) gives the tests: each
 * request is handed to its msw handlers as a fetch Request, without intercepting anything, and
 * their Response is written back; only the `archive_url` it names is pointed at this server.
 *
 * Run as a process: `fakeGithubServer.ts --entities N [--latency-ms 100]` prints one line,
 * `listening <base URL>`. `POST /_bench/generation/<g>` serves every repository as of
 * generation `g` (bench/benchRepositories.ts); `GET /_bench/requests` returns the counts of
 * status and tarball requests answered so far. The answer to each is sent without the latency.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { LoggerService } from '@backstage/backend-plugin-api';
import { getResponse } from 'msw';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeGithub } from '../src/__testUtils__/fakeGithub';
import { serveGeneration } from './benchRepositories';

/** Where FakeGithub's handlers expect GitHub's API, and the URLs its answers name. */
const GITHUB_API = 'https://api.github.com';

/**
 * Serves `github`'s answers on 127.0.0.1 (an ephemeral port), each API answer sent `latencyMs`
 * after its request arrived. `control` answers the `/_bench/...` requests.
 */
export async function listenFakeGithub(
  github: FakeGithub,
  options: {
    latencyMs: number;
    control?: (path: string, method: string) => unknown;
  },
): Promise<{ url: string; close: () => Promise<void> }> {
  const handlers = github.handlers();
  let baseUrl = '';
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (path.startsWith('/_bench/')) {
      const body = JSON.stringify(
        options.control?.(path, req.method ?? 'GET') ?? {},
      );
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
      return;
    }
    const started = Date.now();
    const response = await getResponse(
      handlers,
      new Request(`${GITHUB_API}${path}`, { method: req.method }),
    );
    let body = response
      ? Buffer.from(await response.arrayBuffer())
      : Buffer.from(JSON.stringify({ message: `No fake for ${path}` }));
    if (response?.headers.get('content-type')?.includes('json')) {
      body = Buffer.from(body.toString('utf8').split(GITHUB_API).join(baseUrl));
    }
    // The round-trip as the reader sees it: this long from its request to the answer.
    const wait = options.latencyMs - (Date.now() - started);
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    const headers: Record<string, string> = {};
    response?.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers['content-length'] = String(body.length);
    res.writeHead(response?.status ?? 404, headers);
    res.end(body);
  };
  const server = createServer((req, res) => {
    // The request's body (there is none on these routes) is drained so keep-alive works.
    req.resume();
    answer(req, res).catch(error => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Backstage's real URL readers, with a GitHub integration whose API is at `apiBaseUrl`. */
export function githubUrlReaderFor(
  apiBaseUrl: string,
  logger: LoggerService = mockServices.rootLogger({ level: 'error' }),
) {
  return UrlReaders.default({
    config: mockServices.rootConfig({
      data: {
        integrations: {
          github: [{ host: 'github.com', apiBaseUrl, token: 'test-token' }],
        },
      },
    }),
    logger,
  });
}

/** A fake GitHub process of its own, serving `entities` repositories; see the file's head. */
export interface FakeGithubProcess {
  url: string;
  /** Serves every repository as of `generation`. */
  serveGeneration(generation: number): Promise<void>;
  requests(): Promise<{ status: number; tarball: number }>;
  stop(): void;
}

/** Starts `fakeGithubServer.ts` as a process and resolves once it listens. */
export function startFakeGithubProcess(options: {
  entities: number;
  latencyMs: number;
}): Promise<FakeGithubProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      __filename,
      ...['--entities', String(options.entities)],
      ...['--latency-ms', String(options.latencyMs)],
    ],
    // Its stdin is a pipe from this process: it ends when this process does, however it ends.
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', code =>
      reject(new Error(`the fake GitHub exited with ${code}`)),
    );
    child.stdout!.on('data', chunk => {
      output += chunk;
      const match = /listening (\S+)/.exec(output);
      if (!match) return;
      const url = match[1];
      const call = async (path: string, method = 'GET') => {
        const response = await fetch(`${url}${path}`, { method });
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        return response.json();
      };
      resolve({
        url,
        serveGeneration: async generation => {
          await call(`/_bench/generation/${generation}`, 'POST');
        },
        requests: () => call('/_bench/requests'),
        stop: () => {
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    });
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const argument = (name: string) =>
    args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
  const entities = Number(argument('--entities'));
  const latencyMs = Number(argument('--latency-ms') ?? 100);
  if (!Number.isInteger(entities) || entities < 1) {
    throw new Error('--entities takes a positive whole number');
  }
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error('--latency-ms takes a number of milliseconds, 0 or more');
  }
  // No fake GitHub outlives the bench that started it, even one killed before its cleanup.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
  const github = new FakeGithub();
  serveGeneration(github, entities, 0);
  listenFakeGithub(github, {
    latencyMs,
    control: (path, method) => {
      const generation = /^\/_bench\/generation\/(\d+)$/.exec(path);
      if (generation && method === 'POST') {
        serveGeneration(github, entities, Number(generation[1]));
        return { generation: Number(generation[1]) };
      }
      if (path === '/_bench/requests') return github.requests;
      return {};
    },
  }).then(
    ({ url }) => console.log(`listening ${url}`),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
