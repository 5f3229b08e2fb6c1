/*
 * hadolint's published cases for DL3060 are ported below, with the ONBUILD variants hadolint
 * gives: https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3060Spec.hs
 * (the version with "not ok with clean before install" and cache/tmpfs mounts; rule source
 * src/Hadolint/Rule/DL3060.hs).
 *
 * | assertions | agreed | deliberate differences |
 * |         23 |     23 | none |
 */
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'yarn-cache-not-cleaned';

async function flagged(...text: string[]): Promise<number> {
  return (await findingsFor(RULE, lines(...text))).length;
}

describe('yarn-cache-not-cleaned', () => {
  describe('hadolint DL3060Spec', () => {
    it.each([
      ['non-yarn commands', 'RUN foo', 0],
      ['no cache clean', 'RUN yarn install foo', 1],
      ['cache clean', 'RUN yarn install bar && yarn cache clean', 0],
      [
        'a cache mount',
        'RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar',
        0,
      ],
      [
        'a tmpfs mount',
        'RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar',
        0,
      ],
      [
        'a cache mount in the wrong place',
        'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar',
        1,
      ],
      [
        'a tmpfs mount in the wrong place',
        'RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar',
        1,
      ],
    ])('%s', async (_name, run, count) => {
      expect(await flagged('FROM node:22', run)).toBe(count);
      expect(await flagged('FROM node:22', `ONBUILD ${run}`)).toBe(count);
    });

    it('flags a clean before the install', async () => {
      expect(
        await flagged(
          'FROM node:22',
          'RUN yarn cache clean && yarn install foo',
        ),
      ).toBe(1);
    });

    it('flags yarn install in the last stage without a clean', async () => {
      const file = [
        'FROM node:lts-alpine as foo',
        'RUN hey!',
        'FROM scratch',
        'RUN yarn install',
      ];
      expect(await flagged(...file)).toBe(1);
      expect(
        await flagged(...file.map(l => l.replace(/^RUN/, 'ONBUILD RUN'))),
      ).toBe(1);
    });

    it('flags a stage another stage is built FROM', async () => {
      const file = [
        'FROM node:lts-alpine as foo',
        'RUN yarn install',
        'FROM foo',
        'RUN hey!',
      ];
      expect(await flagged(...file)).toBe(1);
      expect(
        await flagged(...file.map(l => l.replace(/^RUN/, 'ONBUILD RUN'))),
      ).toBe(1);
    });

    it('accepts the clean in the stage built upon', async () => {
      const file = [
        'FROM node:lts-alpine as foo',
        'RUN yarn install && yarn cache clean',
        'FROM foo',
        'RUN hey!',
      ];
      expect(await flagged(...file)).toBe(0);
      expect(
        await flagged(...file.map(l => l.replace(/^RUN/, 'ONBUILD RUN'))),
      ).toBe(0);
    });

    it('leaves a stage that is not reused alone, but not its ONBUILD triggers', async () => {
      const file = [
        'FROM node:lts-alpine as foo',
        'RUN yarn install foo',
        'FROM scratch',
        'RUN hey!',
      ];
      expect(await flagged(...file)).toBe(0);
      expect(
        await flagged(...file.map(l => l.replace(/^RUN/, 'ONBUILD RUN'))),
      ).toBe(1);
    });
  });

  it('fixes by appending yarn cache clean', async () => {
    expect(
      await fixedBy(
        RULE,
        lines('FROM node:22', 'RUN yarn install --frozen-lockfile'),
      ),
    ).toBe(
      lines(
        'FROM node:22',
        'RUN yarn install --frozen-lockfile && yarn cache clean',
      ),
    );
  });
});
