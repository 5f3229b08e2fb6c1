import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(120_000);

const BIN = resolve(__dirname, '../../../bin/container-scorecard');
/** `apt-get-missing-no-install-recommends` has an automatic fix. */
const FIXABLE = 'FROM node:22\nRUN apt-get update && apt-get install -y curl\n';

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI stays inside the tree it was given (spawned, real symbolic links)', () => {
  let base: string;
  let repo: string;
  let outsideFile: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'cs-cli-links-'));
    repo = join(base, 'repo');
    mkdirSync(join(repo, 'inner', 'a'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    outsideFile = join(base, 'outside', 'Dockerfile');
    writeFileSync(outsideFile, FIXABLE);
    // A Dockerfile linked to a file outside the directory.
    symlinkSync(outsideFile, join(repo, 'Dockerfile'));
    // A directory link loop, and a link to a directory outside.
    symlinkSync(join(repo, 'inner'), join(repo, 'inner', 'a', 'loop'));
    symlinkSync(join(base, 'outside'), join(repo, 'outside-dir'));
    // A real file, and a link inside the tree to it.
    writeFileSync(join(repo, 'inner', 'Dockerfile'), FIXABLE);
    symlinkSync(
      join(repo, 'inner', 'Dockerfile'),
      join(repo, 'app.Dockerfile'),
    );
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('never reads a link leading outside, says so, and analyses links inside', () => {
    const run = cli(['repo', '--format', 'json'], base);

    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'repo/app.Dockerfile',
      'repo/inner/Dockerfile',
    ]);
    expect(run.stderr).toContain(
      'note: repo/Dockerfile: symbolic link leading outside repo; not followed',
    );
    expect(run.stderr).toContain(
      'note: repo/outside-dir: symbolic link leading outside repo; not followed',
    );
  });

  it('--fix fixes real files, refuses to write through links, and changes nothing outside', () => {
    const outsideBefore = readFileSync(outsideFile);
    const outsideMtime = statSync(outsideFile).mtimeMs;

    const run = cli(['repo', '--fix', '--format', 'json'], base);

    const report = JSON.parse(run.stdout);
    expect(readFileSync(outsideFile).equals(outsideBefore)).toBe(true);
    expect(statSync(outsideFile).mtimeMs).toBe(outsideMtime);
    expect(report.fixes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'repo/inner/Dockerfile',
          fixed: expect.arrayContaining([
            expect.objectContaining({
              ruleId: 'apt-get-missing-no-install-recommends',
            }),
          ]),
        }),
        expect.objectContaining({
          path: 'repo/app.Dockerfile',
          fixed: [],
          refused:
            'not fixed: it is a symbolic link; --fix never writes through links',
        }),
      ]),
    );
    expect(readFileSync(join(repo, 'inner', 'Dockerfile'), 'utf8')).toContain(
      '--no-install-recommends',
    );
    // The links are still links, pointing where they pointed.
    expect(lstatSync(join(repo, 'app.Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(repo, 'Dockerfile'))).toBe(outsideFile);
  });

  it('--fix on a link named explicitly refuses, in the human report too', () => {
    const run = cli(['repo/Dockerfile', '--fix'], base);

    expect(run.stdout).toContain(
      'repo/Dockerfile: not fixed: it is a symbolic link; --fix never writes through links',
    );
    expect(readFileSync(outsideFile, 'utf8')).toBe(FIXABLE);
  });
});
