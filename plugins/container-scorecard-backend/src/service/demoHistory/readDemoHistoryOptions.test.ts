import { ConfigReader } from '@backstage/config';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../../__testUtils__/demoCatalog';
import { loadRevisions } from './loadRevisions';
import { readDemoHistoryOptions } from './readDemoHistoryOptions';

const history = join(EXAMPLES_DIR, 'history');
const config = (seedHistory?: string) =>
  new ConfigReader({ containerScorecard: { demo: { seedHistory } } });

describe('containerScorecard.demo.seedHistory', () => {
  it('is off unless set', () => {
    expect(
      readDemoHistoryOptions(new ConfigReader({}), [EXAMPLES_DIR], {}),
    ).toBeUndefined();
  });

  it('names the revisions and the examples folder they mirror', () => {
    expect(
      readDemoHistoryOptions(config(history), [EXAMPLES_DIR], {
        NODE_ENV: 'development',
      }),
    ).toEqual({ historyDirectory: history, examplesRoot: EXAMPLES_DIR });
  });

  it('is refused in a production process, and outside the local roots', () => {
    expect(() =>
      readDemoHistoryOptions(config(history), [EXAMPLES_DIR], {
        NODE_ENV: 'production',
      }),
    ).toThrow(/refused when NODE_ENV is production/);
    expect(() =>
      readDemoHistoryOptions(
        config(history),
        [join(EXAMPLES_DIR, 'repos')],
        {},
      ),
    ).toThrow(/not inside containerScorecard.localRoots/);
    expect(() =>
      readDemoHistoryOptions(
        config(join(EXAMPLES_DIR, 'nowhere')),
        [EXAMPLES_DIR],
        {},
      ),
    ).toThrow(/does not exist/);
  });
});

describe('the revisions of examples/history', () => {
  it('come oldest first, 90 to 7 days ago, each saying what changed', async () => {
    const revisions = await loadRevisions(history);
    expect(revisions.map(r => r.daysAgo)).toEqual([90, 75, 60, 45, 30, 14, 7]);
    for (const revision of revisions) expect(revision.summary).not.toBe('');
  });

  it('refuse a revision without a date or with paths outside the examples', async () => {
    const root = mkdtempSync(join(tmpdir(), 'revisions-'));
    mkdirSync(join(root, 'undated'));
    writeFileSync(join(root, 'undated', 'revision.yaml'), 'summary: x\n');
    await expect(loadRevisions(root)).rejects.toThrow(/daysAgo must be/);
    writeFileSync(
      join(root, 'undated', 'revision.yaml'),
      'daysAgo: 3\nsummary: x\nabsent: [../secrets]\n',
    );
    await expect(loadRevisions(root)).rejects.toThrow(/absent must list/);
  });
});
