import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  startTestRegistry,
  type TestRegistry,
} from '../images/testing/startTestRegistry';
import {
  pushCosignSignature,
  pushMultiPlatformImage,
  pushTestImage,
} from '../images/testing/pushTestImage';
import { EXIT_CODES } from './exitCodes';

jest.setTimeout(240_000);

const BIN = resolve(__dirname, '../../bin/container-scorecard');

/** The bin in its own process; async so the registry's output keeps draining meanwhile. */
async function cli(args: string[], cwd: string, home: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      // --file-timeout 0: analyse on the main thread; these tests are about images, not deadlines.
      [BIN, '--file-timeout', '0', ...args],
      {
        cwd,
        env: {
          ...process.env,
          HOME: home,
          NO_COLOR: '1',
          DOCKER_CONFIG: undefined,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return {
      code: error.code as number,
      stdout: error.stdout as string,
      stderr: error.stderr as string,
    };
  }
}

describe('container-scorecard --inspect-images against a real registry', () => {
  let registry: TestRegistry;
  let dir: string;
  let settleDir: string;

  beforeAll(async () => {
    registry = await startTestRegistry();
    dir = mkdtempSync(join(tmpdir(), 'scorecard-images-cli-'));
    const { url, host } = registry;
    await pushTestImage(url, 'tools/builder', '1', {});
    const api = await pushMultiPlatformImage(url, 'team/api', '2', [
      {
        os: 'linux',
        architecture: 'amd64',
        user: '10001',
        entrypoint: ['/api'],
        healthcheck: ['CMD', '/api', 'health'],
        labels: {
          'org.opencontainers.image.source': 'https://example.com/api',
          'org.opencontainers.image.revision': 'abc',
        },
      },
      {
        os: 'linux',
        architecture: 'arm64',
        user: '10001',
        entrypoint: ['/api'],
      },
    ]);
    await pushCosignSignature(url, 'team/api', api.digest);
    await pushCosignSignature(url, 'team/api', api.digest, 'sbom');
    await pushTestImage(url, 'team/web', '1', {
      cmd: ['/bin/sh', '-c', 'nginx -g "daemon off;"'],
      created: '2023-05-01T00:00:00Z',
    });
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${host}/tools/builder:1 AS build\nRUN make\n\nFROM ${host}/team/api:2\nCOPY --from=build /out /api\nUSER 10001\nHEALTHCHECK CMD ["/api", "health"]\nENTRYPOINT ["/api"]\n`,
    );
    writeFileSync(
      join(dir, 'compose.yaml'),
      `services:\n  web:\n    image: ${host}/team/web:1\n  cache:\n    image: ghcr.io/acme/cache:7\n`,
    );
    // Bases whose user only the registry knows: Dockerfiles on them set no USER.
    await pushTestImage(url, 'base/nonroot', '1', { user: '65532:65532' });
    await pushTestImage(url, 'base/root', '1', {});
    // A folder of their own, so the other tests' image lists stay as they are.
    settleDir = mkdtempSync(join(tmpdir(), 'scorecard-images-settle-'));
    for (const name of ['nonroot', 'root']) {
      mkdirSync(join(settleDir, 'settle', name), { recursive: true });
      writeFileSync(
        join(settleDir, 'settle', name, 'Dockerfile'),
        `FROM ${host}/base/${name}:1\nCOPY app /app\nHEALTHCHECK CMD ["/app", "health"]\nCMD ["/app"]\n`,
      );
    }
    writeFileSync(
      join(dir, '.container-scorecard.yaml'),
      `images:\n  registries:\n    - host: "${host}"\n      insecure: true\n`,
    );
  });

  afterAll(async () => {
    await registry?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (settleDir) rmSync(settleDir, { recursive: true, force: true });
  });

  it('inspects the final-stage base and compose images, scoring each', async () => {
    const run = await cli(['--inspect-images', '-f', 'json', '.'], dir, dir);
    const report = JSON.parse(run.stdout);
    const images = Object.fromEntries(
      report.images.map((image: any) => [
        image.reference.replace(`${registry.host}/`, ''),
        image,
      ]),
    );
    // The builder stage does not run: it is not inspected.
    expect(Object.keys(images).sort()).toEqual([
      'ghcr.io/acme/cache:7',
      'team/api:2',
      'team/web:1',
    ]);
    expect(images['team/api:2']).toMatchObject({
      status: 'inspected',
      usedBy: ['dockerfile'],
      platforms: ['linux/amd64', 'linux/arm64'],
      user: '10001',
      signed: true,
      score: 100,
      findings: [],
    });
    expect(images['team/web:1']).toMatchObject({
      status: 'inspected',
      usedBy: ['compose'],
      user: '',
      signed: false,
    });
    expect(
      images['team/web:1'].findings.map((f: any) => f.ruleId).sort(),
    ).toEqual([
      'image-missing-provenance-labels',
      'image-not-signed',
      'image-runs-as-root',
      'image-shell-form-entrypoint',
      'image-too-old',
      'image-without-healthcheck',
      'image-without-sbom',
    ]);
    expect(images['ghcr.io/acme/cache:7']).toEqual(
      expect.objectContaining({
        status: 'failed',
        reason: 'ghcr.io is not a configured registry',
      }),
    );
    expect(run.code).toBe(EXIT_CODES.ok);
  });

  it('shows images in the terminal report and counts their findings for --fail-on', async () => {
    const run = await cli(
      ['--inspect-images', '--fail-on', 'high', '.'],
      dir,
      dir,
    );
    expect(run.stdout).toContain('Images');
    expect(run.stdout).toContain(
      'could not inspect: ghcr.io is not a configured registry',
    );
    expect(run.stdout).toMatch(/high\s+image-runs-as-root/);
    expect(run.stderr).toContain(
      '1 image finding at severity high or worse (--fail-on high)',
    );
    expect(run.code).toBe(EXIT_CODES.thresholdFailed);
  });

  it('writes image findings to SARIF at the lines naming the image, and failed inspections as warnings', async () => {
    const run = await cli(
      ['--inspect-images', '-f', 'sarif', 'compose.yaml', 'Dockerfile'],
      dir,
      dir,
    );
    const [sarifRun] = JSON.parse(run.stdout).runs;
    const driverRules = sarifRun.tool.driver.rules;
    const rootRule = driverRules.find(
      (r: any) => r.id === 'image-runs-as-root',
    );
    expect(rootRule.properties).toMatchObject({
      kind: 'image',
      appliesTo: ['image'],
      pillar: 'least-privilege',
      severity: 'high',
    });
    const web = `${registry.host}/team/web:1`;
    const webResults = sarifRun.results.filter(
      (r: any) => r.properties.image === web,
    );
    expect(webResults.map((r: any) => r.ruleId).sort()).toEqual([
      'image-missing-provenance-labels',
      'image-not-signed',
      'image-runs-as-root',
      'image-shell-form-entrypoint',
      'image-too-old',
      'image-without-healthcheck',
      'image-without-sbom',
    ]);
    const root = webResults.find((r: any) => r.ruleId === 'image-runs-as-root');
    expect(root).toMatchObject({
      ruleIndex: driverRules.indexOf(rootRule),
      level: 'error',
      message: {
        text: `${web}: The image config sets no User, so its process runs as root.`,
      },
      properties: { evidence: 'User: ""', severity: 'high' },
    });
    // compose.yaml names the image on its third line.
    expect(root.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3 },
        },
        logicalLocations: [{ fullyQualifiedName: web, kind: 'resource' }],
      },
    ]);
    const notifications = sarifRun.invocations[0].toolExecutionNotifications;
    expect(notifications).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        descriptor: { id: 'could-not-inspect' },
        message: {
          text: 'Could not inspect ghcr.io/acme/cache:7: ghcr.io is not a configured registry',
        },
      }),
    );
    expect(run.code).toBe(EXIT_CODES.ok);
  });

  it('fails --fail-below on an inspected image below the threshold, naming it, while the definitions pass', async () => {
    const json = JSON.parse(
      (await cli(['--inspect-images', '-f', 'json', 'compose.yaml'], dir, dir))
        .stdout,
    );
    const web = json.images.find((i: any) =>
      i.reference.endsWith('team/web:1'),
    );
    const definitions = json.aggregate.score;
    expect(web.score).toBeLessThan(definitions);
    const threshold = web.score + 1;
    const run = await cli(
      ['--inspect-images', '--fail-below', String(threshold), 'compose.yaml'],
      dir,
      dir,
    );
    expect(run.stderr).toContain(
      `Failed: image ${web.reference} (score ${web.score}) below --fail-below ${threshold}.`,
    );
    expect(run.code).toBe(EXIT_CODES.thresholdFailed);
    // The same threshold without the flag judges the definitions only, which pass it.
    const withoutImages = await cli(
      ['--fail-below', String(threshold), 'compose.yaml'],
      dir,
      dir,
    );
    expect(withoutImages.code).toBe(EXIT_CODES.ok);
    // A failed inspection has no score and fails no threshold.
    const atZero = await cli(
      ['--inspect-images', '--fail-below', '1', 'compose.yaml'],
      dir,
      dir,
    );
    expect(atZero.code).toBe(EXIT_CODES.ok);
  });

  it("settles no-user-in-final-stage with the base image's user read from the registry", async () => {
    const config = join(dir, '.container-scorecard.yaml');
    const ruleIds = (file: any) => file.findings.map((f: any) => f.ruleId);
    const byPath = (report: any) =>
      Object.fromEntries(report.files.map((f: any) => [f.path, f]));
    const unsure = byPath(
      JSON.parse(
        (await cli(['-c', config, '-f', 'json', 'settle'], settleDir, dir))
          .stdout,
      ),
    );
    const report = JSON.parse(
      (
        await cli(
          ['--inspect-images', '-c', config, '-f', 'json', 'settle'],
          settleDir,
          dir,
        )
      ).stdout,
    );
    const settled = byPath(report);
    const nonroot = 'settle/nonroot/Dockerfile';
    const root = 'settle/root/Dockerfile';
    expect(ruleIds(unsure[nonroot])).toContain('no-user-in-final-stage');
    expect(ruleIds(settled[nonroot])).not.toContain('no-user-in-final-stage');
    expect(settled[nonroot].score).toBe(unsure[nonroot].score + 20);
    expect(settled[root].score).toBe(unsure[root].score);
    expect(
      settled[root].findings.find(
        (f: any) => f.ruleId === 'no-user-in-final-stage',
      ).message,
    ).toBe(
      `The final stage sets no USER, so the container runs as root. The registry confirms it: the base image ${registry.host}/base/root:1 sets no User, so it runs as root.`,
    );
    expect(report.aggregate.score).toBeGreaterThan(
      JSON.parse(
        (await cli(['-c', config, '-f', 'json', 'settle'], settleDir, dir))
          .stdout,
      ).aggregate.score,
    );
    expect(report.settlements).toEqual([
      expect.objectContaining({
        path: nonroot,
        outcome: 'dropped',
        user: '65532:65532',
      }),
      expect.objectContaining({ path: root, outcome: 'confirmed', user: '' }),
    ]);

    const tty = await cli(
      ['--inspect-images', '-c', config, 'settle'],
      settleDir,
      dir,
    );
    expect(tty.stdout).toContain('Settled by the registry');
    expect(tty.stdout).toContain(
      `${nonroot}: no-user-in-final-stage was settled by the registry: ${registry.host}/base/nonroot:1 runs as user "65532:65532".`,
    );
    const sarif = JSON.parse(
      (
        await cli(
          ['--inspect-images', '-c', config, '-f', 'sarif', 'settle'],
          settleDir,
          dir,
        )
      ).stdout,
    ).runs[0];
    expect(sarif.invocations[0].toolExecutionNotifications).toContainEqual(
      expect.objectContaining({
        level: 'note',
        descriptor: { id: 'base-image-user-dropped' },
        associatedRule: { id: 'no-user-in-final-stage' },
      }),
    );
    expect(
      sarif.results.filter(
        (r: any) =>
          r.ruleId === 'no-user-in-final-stage' &&
          r.locations[0].physicalLocation.artifactLocation.uri === nonroot,
      ),
    ).toEqual([]);
  });

  it('reads nothing from registries without the flag', async () => {
    const run = await cli(['-f', 'json', '.'], dir, dir);
    expect(JSON.parse(run.stdout).images).toBeUndefined();
  });

  it('takes registries and credentials from the Docker config', async () => {
    const home = mkdtempSync(join(tmpdir(), 'scorecard-home-'));
    mkdirSync(join(home, '.docker'));
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({
        auths: {
          [registry.host]: { auth: Buffer.from('bot:pw').toString('base64') },
        },
      }),
    );
    writeFileSync(join(home, 'no-registries.yaml'), 'images: {}\n');
    try {
      const config = join(home, 'no-registries.yaml');
      const args = ['--inspect-images', '-c', config, '-f', 'json', '.'];
      const without = await cli(args, dir, dir);
      const withLogin = await cli(args, dir, home);
      const web = (run: { stdout: string }) =>
        JSON.parse(run.stdout).images.find((i: any) =>
          i.reference.endsWith('/team/web:1'),
        );
      expect(web(without)).toMatchObject({
        status: 'failed',
        reason: `${registry.host} is not a configured registry`,
      });
      // The registry the user logged into is allowed, and the local registry accepts the login.
      expect(web(withLogin)).toMatchObject({ status: 'inspected', user: '' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
