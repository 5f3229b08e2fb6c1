/*
 * hadolint's published cases for DL4001 are ported below:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL4001Spec.hs
 * (rule source src/Hadolint/Rule/DL4001.hs: the set of tools seen resets at each FROM).
 *
 * | assertions | agreed | deliberate differences |
 * |          7 |      7 | none (the spec has no ONBUILD variants; the rule source has `onbuild dl4001`) |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'wget-and-curl-both-used';

async function flaggedLines(...text: string[]): Promise<number[]> {
  return (await findingsFor(RULE, lines(...text))).map(f => f.range.start.line);
}

describe('wget-and-curl-both-used', () => {
  describe('hadolint DL4001Spec', () => {
    it('warns when using both wget and curl', async () => {
      expect(
        await flaggedLines(
          'FROM node as foo',
          'RUN wget my.xyz',
          'RUN curl localhost',
        ),
      ).toEqual([3]);
    });

    it('warns when using both in the same instruction', async () => {
      expect(
        await flaggedLines(
          'FROM node as foo',
          'RUN wget my.xyz && curl localhost',
        ),
      ).toEqual([2]);
    });

    it('does not warn when using only wget', async () => {
      expect(await flaggedLines('FROM node as foo', 'RUN wget my.xyz')).toEqual(
        [],
      );
    });

    it('does not warn when they are used in different stages', async () => {
      expect(
        await flaggedLines(
          'FROM node as foo',
          'RUN wget my.xyz',
          'FROM scratch',
          'RUN curl localhost',
        ),
      ).toEqual([]);
    });

    it('warns when both are used in one of the stages', async () => {
      expect(
        await flaggedLines(
          'FROM node as foo',
          'RUN wget my.xyz',
          'RUN curl localhost',
          'FROM scratch',
          'RUN curl localhost',
        ),
      ).toEqual([3]);
    });

    it('only warns on the relevant RUN instruction', async () => {
      expect(
        await flaggedLines(
          'FROM node as foo',
          'RUN wget my.xyz',
          'RUN curl my.xyz',
          'RUN echo hello',
        ),
      ).toHaveLength(1);
    });

    it('warns on each relevant RUN instruction', async () => {
      expect(
        await flaggedLines(
          'FROM node as foo',
          'RUN wget my.xyz',
          'RUN curl my.xyz',
          'RUN echo hello',
          'RUN wget foo.com',
        ),
      ).toEqual([3, 5]);
    });
  });

  it('counts curl and wget only as commands, not as package names', async () => {
    expect(
      await flaggedLines(
        'FROM debian:12',
        'RUN apt-get install -y curl wget',
        'RUN curl -fsSLO https://example.com/a',
      ),
    ).toEqual([]);
  });

  it('counts ONBUILD triggers apart from the RUNs, as hadolint does', async () => {
    expect(
      await flaggedLines(
        'FROM debian:12',
        'RUN wget -q https://example.com/a',
        'ONBUILD RUN curl -fsSLO https://example.com/b',
      ),
    ).toEqual([]);
    expect(
      await flaggedLines(
        'FROM debian:12',
        'ONBUILD RUN wget -q https://example.com/a',
        'RUN curl -fsSLO https://example.com/c',
        'ONBUILD RUN curl -fsSLO https://example.com/b',
      ),
    ).toEqual([4]);
  });

  // hadolint's `onbuild dl4001` never sees a FROM, so its triggers are counted across stages.
  it('counts ONBUILD triggers across stages, as hadolint does', async () => {
    expect(
      await flaggedLines(
        'FROM node as foo',
        'ONBUILD RUN wget my.xyz',
        'FROM scratch',
        'ONBUILD RUN curl localhost',
      ),
    ).toEqual([4]);
  });
});
