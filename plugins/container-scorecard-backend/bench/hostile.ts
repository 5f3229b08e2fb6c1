/*
 * Hostile-input benchmark: scans a directory of hostile repositories (huge, pathological, binary,
 * junk, escaping) through the real plugin in a real Backstage backend (startTestBackend, default
 * limits, the analysis worker pool), while a client keeps asking the health route.
 *
 * Prints the event loop's longest stall (perf_hooks.monitorEventLoopDelay), /health latency
 * p50/p99 during the scan, peak RSS and its growth, and each repository's outcome.
 * Targets: longest stall < 100 ms, /health p99 < 50 ms, RSS growth < 300 MB.
 *
 * Run: npm run bench:hostile [-- --size test] [-- --only name,name] (`test` uses the small sizes
 * of the test suite; `--only` scans just the named repositories, to see what one of them costs).
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { containerScorecardPlugin } from '../src/plugin';
import {
  HOSTILE_REPOSITORIES,
  HOSTILE_TEAM,
  HostileSize,
  writeHostileRepositories,
} from '../src/__testUtils__/hostileRepositories';

const args = process.argv.slice(2);
const SIZE: HostileSize = args.includes('--size')
  ? (args[args.indexOf('--size') + 1] as HostileSize)
  : 'full';
const ONLY = args.includes('--only')
  ? args[args.indexOf('--only') + 1].split(',')
  : undefined;
const API = '/api/container-scorecard';
const MB = 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'hostile-repos-'));
  console.log(
    `Writing ${HOSTILE_REPOSITORIES.length} hostile repositories (${SIZE} size) to ${root}`,
  );
  const entities = writeHostileRepositories(
    root,
    SIZE,
    ONLY
      ? HOSTILE_REPOSITORIES.filter(r => ONLY.includes(r.name))
      : HOSTILE_REPOSITORIES,
  );

  const { server } = await startTestBackend({
    features: [
      containerScorecardPlugin,
      catalogServiceMock.factory({ entities: [...entities, HOSTILE_TEAM] }),
      mockServices.rootConfig.factory({
        data: { containerScorecard: { localRoots: [root] } },
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  if (!server.listening) await new Promise<void>(r => server.listen(0, r));
  const base = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }${API}`;
  const auth = { Authorization: mockCredentials.user.header() };

  // Let start-up settle so the baseline is the idle backend, not its migrations.
  await new Promise(r => setTimeout(r, 1000));
  // The OpenAPI router compiles each route's validators on its first request (a one-time cost
  // of every plugin built on it): pay it here, measured, so the scan shows the steady state.
  const warmStarted = performance.now();
  const first = `${base}/entities/component/default/${entities[0].metadata.name}`;
  await Promise.all([
    fetch(`${base}/health`),
    fetch(`${first}/scorecard`, { headers: auth }),
    fetch(`${first}/findings?path=Dockerfile`, { headers: auth }),
    fetch(`${base}/entities/component/default/no-such-entity/rescan`, {
      method: 'POST',
      headers: auth,
    }),
  ]);
  console.log(
    `First request per route (validators compiled once): ${(
      performance.now() - warmStarted
    ).toFixed(0)} ms`,
  );
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  // The main thread's own heap, apart from the analysis workers' (which RSS includes).
  const mainHeapBefore = process.memoryUsage().heapUsed;
  let mainHeapPeak = mainHeapBefore;
  const rssSampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    mainHeapPeak = Math.max(mainHeapPeak, usage.heapUsed);
  }, 20);

  const scanStarted = performance.now();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // Which rescans were under way during each long stall, to tell where a stall comes from.
  const inFlight = new Set<string>();
  const stalls: { atMs: number; gapMs: number; during: string[] }[] = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - lastTick > 60) {
      stalls.push({
        atMs: now - scanStarted,
        gapMs: now - lastTick - 10,
        during: [...inFlight],
      });
    }
    lastTick = now;
  }, 10);

  let scanning = true;
  const healthLatencies: number[] = [];
  let healthFailures = 0;
  const healthClient = (async () => {
    while (scanning) {
      const started = performance.now();
      try {
        const response = await fetch(`${base}/health`);
        await response.arrayBuffer();
        if (!response.ok) healthFailures++;
      } catch {
        healthFailures++;
      }
      healthLatencies.push(performance.now() - started);
      await new Promise(r => setTimeout(r, 20));
    }
  })();

  const outcomes = await Promise.all(
    entities.map(async entity => {
      const started = performance.now();
      inFlight.add(entity.metadata.name);
      const path = `default/${entity.metadata.name}`;
      const rescan = await fetch(`${base}/entities/component/${path}/rescan`, {
        method: 'POST',
        headers: auth,
      });
      const rescanBody = await rescan.text();
      const scorecard = await fetch(
        `${base}/entities/component/${path}/scorecard`,
        {
          headers: auth,
        },
      );
      const body = scorecard.ok ? await scorecard.json() : undefined;
      inFlight.delete(entity.metadata.name);
      return {
        name: entity.metadata.name,
        seconds: (performance.now() - started) / 1000,
        rescan: `${rescan.status}${
          rescan.ok ? '' : ` ${rescanBody.slice(0, 80)}`
        }`,
        body,
        bytes: body ? JSON.stringify(body).length : 0,
      };
    }),
  );
  const scanSeconds = (performance.now() - scanStarted) / 1000;
  scanning = false;
  await healthClient;
  loop.disable();
  clearInterval(rssSampler);
  clearInterval(ticker);

  console.log(
    `\nPer-repository outcome (scan of all ${
      entities.length
    } at once took ${scanSeconds.toFixed(1)} s):`,
  );
  for (const outcome of outcomes) {
    const description = HOSTILE_REPOSITORIES.find(
      r => r.name === outcome.name,
    )!.description;
    console.log(`\n- ${outcome.name}: ${description}`);
    console.log(
      `  rescan ${outcome.rescan} in ${outcome.seconds.toFixed(
        1,
      )} s; scorecard ${(outcome.bytes / 1024).toFixed(0)} KB`,
    );
    const body = outcome.body;
    if (!body) continue;
    console.log(
      `  entity: ${body.status}${
        body.score !== undefined ? ` ${body.score}/${body.grade}` : ''
      }${body.error ? ` — ${body.error}` : ''}`,
    );
    for (const notice of body.partial ?? [])
      console.log(`  partial: ${notice.message}`);
    for (const file of body.files ?? []) {
      const detail =
        file.error ??
        `${file.score}/${file.grade}, ${
          file.findingsTotal ?? file.findings.length
        } findings`;
      console.log(`  ${file.path.slice(0, 60)}: ${file.status} — ${detail}`);
      for (const notice of file.partial ?? [])
        console.log(`    partial: ${notice.message}`);
    }
  }

  healthLatencies.sort((a, b) => a - b);
  const stallMs = loop.max / 1e6;
  const p99 = percentile(healthLatencies, 99);
  const growthMb = (rssPeak - rssBefore) / MB;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log('\nWhile scanning:');
  console.log(
    `  longest event-loop stall: ${stallMs.toFixed(
      1,
    )} ms (target < 100 ms: ${verdict(stallMs < 100)})`,
  );
  console.log(
    `  /health: ${
      healthLatencies.length
    } requests, ${healthFailures} failed, p50 ${percentile(
      healthLatencies,
      50,
    ).toFixed(1)} ms, ` +
      `p99 ${p99.toFixed(1)} ms (target < 50 ms: ${verdict(
        p99 < 50 && healthFailures === 0,
      )})`,
  );
  console.log(
    `  RSS: ${(rssBefore / MB).toFixed(0)} MB before, ${(rssPeak / MB).toFixed(
      0,
    )} MB peak, growth ${growthMb.toFixed(0)} MB ` +
      `(target < 300 MB: ${verdict(growthMb < 300)})`,
  );
  for (const stall of stalls.sort((a, b) => b.gapMs - a.gapMs).slice(0, 5)) {
    console.log(
      `  stall of ${stall.gapMs.toFixed(0)} ms at ${(stall.atMs / 1000).toFixed(
        1,
      )} s, while rescanning: ${stall.during.join(', ') || 'nothing'}`,
    );
  }
  console.log(
    `  main thread's heap: ${(mainHeapBefore / MB).toFixed(0)} MB before, ${(
      mainHeapPeak / MB
    ).toFixed(0)} MB peak (the rest of the growth is the analysis workers)`,
  );

  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
