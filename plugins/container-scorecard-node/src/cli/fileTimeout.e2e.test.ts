import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_CODES } from './exitCodes';

jest.setTimeout(120_000);

const BIN = resolve(__dirname, '../../bin/container-scorecard');
const DOCKERFILE = 'FROM node:latest\nCMD node server.js\n';

/** Runs the bin as a user would, with files whose path holds SLOW never finishing. */
function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_ENV: 'test',
      CONTAINER_SCORECARD_TEST_SLOW_FILE_MARKER: 'SLOW',
      NO_COLOR: '1',
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('container-scorecard --file-timeout (spawned)', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'container-scorecard-timeout-'));
    writeFileSync(join(project, 'Dockerfile'), DOCKERFILE);
    mkdirSync(join(project, 'SLOW'));
    writeFileSync(join(project, 'SLOW', 'Dockerfile'), DOCKERFILE);
  });

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('reports a file over its deadline as could not analyse and still scores the others', () => {
    const run = cli(['--file-timeout', '1', '--format', 'json'], project);

    expect(run.code).toBe(EXIT_CODES.ok);
    const report = JSON.parse(run.stdout);
    const byPath = Object.fromEntries(
      report.files.map((f: any) => [f.path, f]),
    );
    expect(byPath.Dockerfile.status).toBe('analysed');
    expect(byPath.Dockerfile.findings.length).toBeGreaterThan(0);
    expect(byPath['SLOW/Dockerfile']).toMatchObject({
      status: 'could-not-analyse',
      error: {
        code: 'analysis-timeout',
        message: 'The analysis took longer than 1 s and was stopped.',
      },
    });
  });

  it('exits as for any file that could not be analysed under --strict', () => {
    const run = cli(['--file-timeout', '0.5', '--strict'], project);

    expect(run.code).toBe(EXIT_CODES.couldNotAnalyse);
    expect(run.stdout).toContain(
      'could not analyse: The analysis took longer than 0.5 s and was stopped.',
    );
  });

  it('refuses a deadline that is not a number of seconds', () => {
    const run = cli(['--file-timeout', 'soon'], project);

    expect(run.code).toBe(EXIT_CODES.usageError);
    expect(run.stderr).toContain('must be a number of seconds');
  });
});
