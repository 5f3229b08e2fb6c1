import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixRefusedError, writeFileInPlace } from './writeFileInPlace';

describe('writeFileInPlace', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the content, keeps the mode and leaves no temporary file', async () => {
    const path = join(dir, 'Dockerfile');
    writeFileSync(path, 'FROM a\n', { mode: 0o640 });

    await writeFileInPlace(path, 'FROM b\n');

    expect(readFileSync(path, 'utf8')).toBe('FROM b\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('refuses a symbolic link and leaves its target alone', async () => {
    const target = join(dir, 'target');
    writeFileSync(target, 'FROM a\n');
    symlinkSync(target, join(dir, 'Dockerfile'));

    await expect(
      writeFileInPlace(join(dir, 'Dockerfile'), 'FROM b\n'),
    ).rejects.toThrow(FixRefusedError);
    expect(readFileSync(target, 'utf8')).toBe('FROM a\n');
    expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'target']);
  });

  it('refuses a path that is gone', async () => {
    await expect(
      writeFileInPlace(join(dir, 'missing'), 'x'),
    ).rejects.toMatchObject({
      name: 'FixRefusedError',
      message: 'the file is gone',
    });
  });
});
