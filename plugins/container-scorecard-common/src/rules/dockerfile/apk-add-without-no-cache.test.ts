/*
 * hadolint's published cases for DL3019 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3019Spec.hs
 * (the version that honours BuildKit cache and tmpfs mounts, with src/Hadolint/Rule/DL3019.hs
 * using Utils.hasCacheOrTmpfsMountWith "/var/cache/apk").
 *
 * | assertions | agreed | deliberate differences |
 * |         14 |     14 | none |
 */
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'apk-add-without-no-cache';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM alpine:3.20', run))).length;
}

describe('apk-add-without-no-cache', () => {
  describe('hadolint DL3019Spec', () => {
    it.each([
      ['apk add without --no-cache', 'RUN apk add flex=2.6.4-r1', 1],
      ['apk add with --no-cache', 'RUN apk add --no-cache flex=2.6.4-r1', 0],
      [
        'apk add with a BuildKit cache mount',
        'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0',
        0,
      ],
      [
        'apk add with a BuildKit tmpfs mount',
        'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0',
        0,
      ],
      [
        'a cache mount in the wrong directory and --no-cache',
        'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0',
        0,
      ],
      [
        'a cache mount in the wrong directory',
        'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0',
        1,
      ],
      [
        'a tmpfs mount in the wrong directory',
        'RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0',
        1,
      ],
    ])('%s', async (_name, run, count) => {
      expect(await flagged(run)).toBe(count);
      expect(await flagged(`ONBUILD ${run}`)).toBe(count);
    });
  });

  it('finds apk behind sudo and in sh -c strings, once per command', async () => {
    expect(
      await flagged('RUN sudo apk add git=2.45.2-r0 && sh -c "apk add make"'),
    ).toBe(2);
  });

  it('accepts --no-cache written before the subcommand', async () => {
    expect(await flagged('RUN apk --no-cache add curl=8.9.1-r2')).toBe(0);
  });

  it('deliberately accepts --no-network, which downloads nothing', async () => {
    expect(
      await flagged('RUN apk add --no-network --virtual .rundeps $runDeps'),
    ).toBe(0);
  });

  it('does not flag other apk subcommands', async () => {
    expect(await flagged('RUN apk update && apk del curl')).toBe(0);
  });

  it('fixes by adding --no-cache after add', async () => {
    expect(
      await fixedBy(RULE, lines('FROM alpine:3.20', 'RUN apk add -U curl')),
    ).toBe(lines('FROM alpine:3.20', 'RUN apk add --no-cache -U curl'));
  });

  it('honours hadolint ignore=DL3019', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM alpine:3.20', '# hadolint ignore=DL3019', 'RUN apk add curl'),
    );
    expect(findings[0].suppressed?.source).toBe('hadolint');
  });
});

describe('apk-add-without-no-cache mounts', () => {
  it('deliberately accepts a cache mount on /var/cache, which holds /var/cache/apk', async () => {
    const content = lines(
      'FROM alpine:3.20',
      'RUN --mount=type=cache,target=/var/cache apk add curl=8.9.1-r2',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});

describe('apk-add-without-no-cache stages', () => {
  it('deliberately leaves a build stage that is only copied from alone', async () => {
    const content = lines(
      'FROM alpine:3.20 AS build',
      'RUN apk add build-base=0.5-r3',
      'FROM alpine:3.20',
      'COPY --from=build /out /out',
      'RUN apk add --no-cache curl=8.9.1-r2',
    );
    expect(await findingsFor('apk-add-without-no-cache', content)).toEqual([]);
  });

  it('checks a stage that another stage is built FROM', async () => {
    const content = lines(
      'FROM alpine:3.20 AS build',
      'RUN apk add build-base=0.5-r3',
      'FROM build',
      'USER 1000',
    );
    expect(await findingsFor('apk-add-without-no-cache', content)).toHaveLength(
      1,
    );
  });
});
