import { LineIndex } from '../text/LineIndex';
import { findSuppressionDirectives } from './findSuppressionDirectives';

/*
 * Long files full of waiver comments: each comment used to scan forward over the comments after
 * it (YAML) or ask every instruction about its line (Dockerfile), the square of their number.
 */

const WAIVER = '# scorecard ignore=compose-privileged reason="lab"';

describe('findSuppressionDirectives on long runs of comments', () => {
  it('gives 20,000 consecutive YAML waivers the block of the key they precede', () => {
    const text = [
      'services:',
      ...Array.from({ length: 20_000 }, () => `  ${WAIVER}`),
      '  web:',
      '    image: nginx:1.27',
      '    privileged: true',
      '',
      '  # trailing comment, then nothing',
    ].join('\n');
    const directives = findSuppressionDirectives(
      'compose',
      new LineIndex(text),
      [],
    );
    expect(directives).toHaveLength(20_000);
    const web = 20_002;
    expect(
      directives.every(d => d.lines?.from === web && d.lines.to === web + 2),
    ).toBe(true);
  });

  it('covers nothing after the last key', () => {
    const text = [
      'services:',
      '  web:',
      '    image: a',
      `  ${WAIVER}`,
      '',
    ].join('\n');
    const [directive] = findSuppressionDirectives(
      'compose',
      new LineIndex(text),
      [],
    );
    expect(directive.lines).toEqual({ from: 0, to: -1 });
  });

  it('skips comments inside 20,000 multi-line instructions and covers the next instruction', () => {
    const lines: string[] = [];
    const instructions: { from: number; to: number }[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        '# hadolint ignore=DL3008',
        'RUN a \\',
        '# hadolint ignore=DL3059',
        '  b',
      );
      const from = 4 * i + 2;
      instructions.push({ from, to: from + 2 });
    }
    const directives = findSuppressionDirectives(
      'dockerfile',
      new LineIndex(lines.join('\n')),
      instructions,
    );
    expect(directives).toHaveLength(20_000);
    expect(directives.map(d => d.lines)).toEqual(instructions);
  });
});
