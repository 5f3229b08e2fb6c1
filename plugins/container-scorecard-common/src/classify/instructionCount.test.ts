import { tooManyInstructions } from './instructionCount';

describe('tooManyInstructions', () => {
  it('lets a Dockerfile of exactly the limit through and refuses one more', () => {
    const of = (n: number) => `FROM alpine:3.20\n${'RUN a\n'.repeat(n - 1)}`;
    expect(tooManyInstructions(of(100), 100)).toBeUndefined();
    expect(tooManyInstructions(of(101), 100)).toEqual({
      code: 'file-too-large',
      message:
        'The Dockerfile has more than 100 instructions (limits.maxDockerfileInstructions): too many to analyse.',
    });
  });

  it('counts instruction keywords in any case and indentation, not comments, continuations or text', () => {
    const content = [
      '# syntax=docker/dockerfile:1',
      'from alpine:3.20',
      '  Run apk add curl \\',
      '      && echo done',
      '# RUN commented out',
      'Running text is not an instruction',
      '\tCMD ["sh"]',
    ].join('\n');
    expect(tooManyInstructions(content, 3)).toBeUndefined();
    expect(tooManyInstructions(content, 2)?.code).toBe('file-too-large');
  });
});
