import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { createVariableResolver } from './resolveVariableIndex';

/** Lines a Dockerfile may mix; names overlap so that declarations shadow one another. */
const LINES = [
  'FROM alpine AS a',
  '  FROM debian',
  'FROM a',
  'FROM $V',
  'ARG V',
  'ARG V=1',
  'ARG W=2 V=3',
  '  ARG W',
  'ENV V=4',
  'ENV V 5',
  'ENV W=6 V=7 V=8',
  'ENV V=',
  'ENV X=9 \\\n  V=10',
  'ARG X=\\\n  11',
  'RUN echo $V',
  '  COPY $W /w',
  '# a comment',
  '',
  'USER $X',
  '\tEXPOSE ${V:-1}',
];

/** A value, or the error thrown: the library overflows the stack on lines in no stage. */
function outcome(resolve: () => string | null | undefined) {
  try {
    return { value: resolve() };
  } catch (error) {
    return { threw: String(error) };
  }
}

describe('createVariableResolver', () => {
  it('answers as dockerfile-ast resolveVariable for every name at every line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINES), { maxLength: 14 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, newline) => {
          const content = lines.join(newline);
          const dockerfile = DockerfileParser.parse(content);
          const resolve = createVariableResolver(dockerfile);
          const lineCount = content.split('\n').length;
          for (let line = 0; line <= lineCount + 1; line++) {
            for (const name of ['V', 'W', 'X', 'Y']) {
              expect([name, line, outcome(() => resolve(name, line))]).toEqual([
                name,
                line,
                outcome(() => dockerfile.resolveVariable(name, line)),
              ]);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers 20,000 lookups on a Dockerfile of 20,000 declarations', () => {
    const lines = ['FROM alpine'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`ENV V${i}=${i}`, `COPY $V${i} /d`);
    const dockerfile = DockerfileParser.parse(lines.join('\n'));
    const resolve = createVariableResolver(dockerfile);
    for (let i = 0; i < 10_000; i++) {
      expect(resolve(`V${i}`, 2 * i + 2)).toBe(String(i));
      expect(resolve(`V${i}`, 2 * i + 1)).toBeUndefined();
    }
  });
});
