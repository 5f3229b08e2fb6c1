import {
  diffBaselines,
  formatBaseline,
  parseBaseline,
  REGENERATE_BASELINE_COMMAND,
} from './corpusBaseline';
import {
  computeCorpusBaseline,
  CORPUS_BASELINE_PATH,
  readRecordedBaseline,
} from './corpusBaselineFile';

/*
 * Guards against findings changing by accident (performance work must never change one): the
 * engine's findings over the whole shared corpus must equal the committed baseline. A deliberate
 * change regenerates the baseline, and the diff of that file is what gets reviewed.
 */

jest.setTimeout(300_000);

describe('the corpus baseline', () => {
  it('matches the engine findings over every corpus file', async () => {
    const recorded = readRecordedBaseline();
    const current = await computeCorpusBaseline();
    expect(current.size).toBeGreaterThan(1000);

    const differences = diffBaselines(recorded, current);
    if (differences.length > 0) {
      throw new Error(
        [
          `The engine's findings over the corpus differ from ${CORPUS_BASELINE_PATH}.`,
          'If the change is deliberate, regenerate the baseline and commit its diff for review:',
          `  ${REGENERATE_BASELINE_COMMAND}`,
          '',
          ...differences,
        ].join('\n'),
      );
    }
  });
});

describe('diffBaselines', () => {
  const recorded = parseBaseline(
    [
      '# comment',
      'a/1 analysed 90',
      '  rule-x 1:1',
      '  rule-y 2:5',
      'a/2 analysed 100',
      'a/3 not-applicable',
    ].join('\n'),
  );

  it('finds nothing when the blocks are equal', () => {
    expect(
      diffBaselines(recorded, parseBaseline(formatBaseline(recorded))),
    ).toEqual([]);
  });

  it('shows moved, missing and new findings, a changed score and a vanished file', () => {
    const current = parseBaseline(
      [
        'a/1 analysed 85',
        '  rule-x 1:1',
        '  rule-y 3:5',
        '  rule-z 4:1',
        'a/2 analysed 100',
      ].join('\n'),
    );
    expect(diffBaselines(recorded, current)).toEqual([
      '2 of 3 corpus files differ:',
      'a/1:',
      '-a/1 analysed 90',
      '-  rule-y 2:5',
      '+a/1 analysed 85',
      '+  rule-y 3:5',
      '+  rule-z 4:1',
      'a/3:',
      '-a/3 not-applicable',
    ]);
  });

  it('counts a duplicated finding that disappears', () => {
    const twice = parseBaseline('f analysed 50\n  r 1:1\n  r 1:1\n');
    const once = parseBaseline('f analysed 50\n  r 1:1\n');
    expect(diffBaselines(twice, once)).toEqual([
      '1 of 1 corpus files differ:',
      'f:',
      '-  r 1:1',
    ]);
  });

  it('caps a long difference and says so', () => {
    const many = parseBaseline(
      Array.from({ length: 50 }, (_, i) => `f${i} analysed 1`).join('\n'),
    );
    const lines = diffBaselines(many, new Map(), 10);
    expect(lines[0]).toBe('50 of 50 corpus files differ:');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('... (more differences not shown)');
  });
});
