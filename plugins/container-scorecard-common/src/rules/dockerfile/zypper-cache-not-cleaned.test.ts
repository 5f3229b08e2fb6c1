/*
 * hadolint's published cases for DL3036 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3036Spec.hs
 * (the version with "ok when mount type cache/tmpfs is used"; rule source
 * src/Hadolint/Rule/DL3036.hs with Utils.hasCacheOrTmpfsMountWith "/var/cache/zypp").
 *
 * | assertions | agreed | deliberate differences |
 * |         10 |     10 | none (an rm of /var/cache/zypp also counts as clean-up: tested below) |
 */
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'zypper-cache-not-cleaned';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM opensuse/leap:15.6', run)))
    .length;
}

describe('zypper-cache-not-cleaned', () => {
  describe('hadolint DL3036Spec', () => {
    it.each([
      ['no zypper clean', 'RUN zypper install -y mariadb=10.4', 1],
      ['zypper clean', 'RUN zypper install -y mariadb=10.4 && zypper clean', 0],
      ['zypper cc', 'RUN zypper install -y mariadb=10.4 && zypper cc', 0],
      [
        'a cache mount',
        'RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb',
        0,
      ],
      [
        'a tmpfs mount',
        'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb',
        0,
      ],
    ])('%s', async (_name, run, count) => {
      expect(await flagged(run)).toBe(count);
      expect(await flagged(`ONBUILD ${run}`)).toBe(count);
    });
  });

  it('deliberately flags a clean that comes before the install', async () => {
    expect(
      await flagged('RUN zypper clean && zypper install -y mariadb=10.4'),
    ).toBe(1);
  });

  it('deliberately accepts an rm of the cache directory as the clean-up', async () => {
    expect(
      await flagged(
        'RUN zypper in -y curl && rm -rf /var/cache/zypp /var/cache/zypper',
      ),
    ).toBe(0);
    expect(
      await flagged('RUN zypper in -y curl && rm -rf /var/cache/zypp/*'),
    ).toBe(0);
    // Another directory, or one that only shares the prefix, is not the cache.
    expect(await flagged('RUN zypper in -y curl && rm -rf /tmp/*')).toBe(1);
    expect(
      await flagged('RUN zypper in -y curl && rm -rf /var/cache/zypper'),
    ).toBe(1);
  });

  it('accepts the in alias with the clean after it', async () => {
    expect(
      await flagged('RUN zypper --non-interactive in git=2.43 && zypper cc -a'),
    ).toBe(0);
  });

  it('fixes by appending zypper clean --all', async () => {
    expect(
      await fixedBy(
        RULE,
        lines('FROM opensuse/leap:15.6', 'RUN zypper in -y git'),
      ),
    ).toBe(
      lines(
        'FROM opensuse/leap:15.6',
        'RUN zypper in -y git && zypper clean --all',
      ),
    );
  });
});

describe('zypper-cache-not-cleaned stages', () => {
  it('deliberately leaves a build stage that is only copied from alone', async () => {
    const content = lines(
      'FROM opensuse/leap:15.6 AS build',
      'RUN zypper install -y gcc=7',
      'FROM opensuse/leap:15.6',
      'COPY --from=build /out /out',
      'RUN zypper install -y git=2.43 && zypper cc',
    );
    expect(await findingsFor('zypper-cache-not-cleaned', content)).toEqual([]);
  });

  it('checks a stage that another stage is built FROM', async () => {
    const content = lines(
      'FROM opensuse/leap:15.6 AS build',
      'RUN zypper install -y gcc=7',
      'FROM build',
      'USER 1000',
    );
    expect(await findingsFor('zypper-cache-not-cleaned', content)).toHaveLength(
      1,
    );
  });
});
