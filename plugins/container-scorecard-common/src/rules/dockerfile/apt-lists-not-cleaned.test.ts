import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'apt-lists-not-cleaned';

describe('apt-lists-not-cleaned', () => {
  it('flags apt-get update without cleanup and appends the cleanup', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y python3',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('apt-get update');
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*',
      ),
    );
  });

  it('accepts the cleanup in the same RUN, across continuations and set -eux', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN set -eux; \\',
      '    apt-get update; \\',
      '    apt-get install -y --no-install-recommends curl; \\',
      '    rm -rf /var/lib/apt/lists/*',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('does not accept a cleanup in a later RUN', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl',
      'RUN rm -rf /var/lib/apt/lists/*',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([2]);
  });

  it('deliberately skips a base stage that only copied-from stages build on', async () => {
    // hadolint flags any stage used as another stage's base; this rule only the stages whose
    // layers ship: the final stage and its FROM ancestry.
    const content = lines(
      'FROM ubuntu:24.04 AS build-base',
      'RUN apt-get update && apt-get install -y gcc',
      'FROM build-base AS openssl',
      'RUN make',
      'FROM ubuntu:24.04',
      'COPY --from=openssl /out /out',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('follows hadolint on stages: final and built-upon stages only', async () => {
    const unusedBuildStage = lines(
      'FROM ubuntu AS foo',
      'RUN apt-get update && apt-get install python',
      'FROM scratch',
      'RUN echo hey!',
    );
    expect(await findingsFor(RULE, unusedBuildStage)).toEqual([]);
    const lastStage = lines(
      'FROM ubuntu AS foo',
      'RUN hey!',
      'FROM scratch',
      'RUN apt-get update && apt-get install python',
    );
    expect(
      (await findingsFor(RULE, lastStage)).map(f => f.range.start.line),
    ).toEqual([4]);
    const builtUpon = lines(
      'FROM ubuntu AS foo',
      'RUN apt-get update && apt-get install python',
      'FROM foo',
      'RUN hey!',
    );
    expect(
      (await findingsFor(RULE, builtUpon)).map(f => f.range.start.line),
    ).toEqual([2]);
    const builtUponClean = lines(
      'FROM ubuntu AS foo',
      'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*',
      'FROM foo',
      'RUN hey!',
    );
    expect(await findingsFor(RULE, builtUponClean)).toEqual([]);
  });

  it('checks a fragment without FROM', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('RUN apt-get update && apt-get install python'),
      ),
    ).toHaveLength(1);
  });

  it('accepts BuildKit cache mounts as hadolint does', async () => {
    const lists = lines(
      'FROM debian:12',
      'RUN --mount=type=cache,target=/var/lib/apt/lists \\',
      '    apt-get update && apt-get install python',
    );
    expect(await findingsFor(RULE, lists)).toEqual([]);
    const both = lines(
      'FROM debian:12',
      'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
      'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\',
      '    --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install foo',
    );
    expect(await findingsFor(RULE, both)).toEqual([]);
    const cacheOnly = lines(
      'FROM debian:12',
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
      '    apt-get update && apt-get install python',
    );
    expect(await findingsFor(RULE, cacheOnly)).toHaveLength(1);
    const libAptOnly = lines(
      'FROM debian:12',
      'RUN --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install python',
    );
    expect(await findingsFor(RULE, libAptOnly)).toHaveLength(1);
  });

  it('looks into sh -c strings and heredocs, without a fix there', async () => {
    const content = lines(
      'FROM debian:12',
      `RUN sh -c 'apt-get update && apt-get install -y curl'`,
      'RUN <<EOF',
      'apt-get update',
      'apt-get install -y git',
      'rm -rf /var/lib/apt/lists/*',
      'EOF',
      'RUN <<EOF',
      'apt-get -q update',
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2, 9]);
    expect(findings[1].fix).toBeUndefined();
  });

  it.each([
    [
      'apt-get dist-clean',
      lines(
        'FROM debian:13',
        'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean',
      ),
    ],
    [
      'apt-get install alone',
      lines('FROM debian:12', 'RUN apt-get install -y curl'),
    ],
    ['apk', lines('FROM alpine:3.20', 'RUN apk update && apk add curl')],
    ['an echo', lines('FROM debian:12', 'RUN echo apt-get update')],
    [
      'rm of the lists directory itself',
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y x && rm -r /var/lib/apt/lists',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});

describe('apt-lists-not-cleaned beyond apt-get', () => {
  it.each([
    ['apt update', 'RUN apt update && apt install -y curl'],
    ['aptitude update', 'RUN aptitude update && aptitude install -y curl'],
  ])('deliberately counts %s, which fills the same lists', async (_n, run) => {
    const findings = await findingsFor(RULE, lines('FROM debian:12', run));
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeDefined();
  });

  it('accepts apt update followed by the clean-up', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt update && apt install -y curl && rm -rf /var/lib/apt/lists/*',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});

describe('apt-lists-not-cleaned mounts', () => {
  it.each([
    ['on the lists', '--mount=type=tmpfs,target=/var/lib/apt/lists'],
    [
      'on both apt directories',
      '--mount=type=tmpfs,target=/var/lib/apt --mount=type=tmpfs,target=/var/cache/apt',
    ],
    [
      'mixed with a cache mount',
      '--mount=type=cache,target=/var/cache/apt --mount=type=tmpfs,target=/var/lib/apt',
    ],
  ])('deliberately accepts a tmpfs mount %s', async (_n, mounts) => {
    const run = `RUN ${mounts} apt-get update && apt-get install -y curl`;
    expect(await findingsFor(RULE, lines('FROM debian:12', run))).toEqual([]);
    expect(
      await findingsFor(RULE, lines('FROM debian:12', `ONBUILD ${run}`)),
    ).toEqual([]);
  });

  it('does not accept a bind mount on the lists', async () => {
    const run =
      'RUN --mount=type=bind,target=/var/lib/apt/lists apt-get update && apt-get install -y curl';
    expect(await findingsFor(RULE, lines('FROM debian:12', run))).toHaveLength(
      1,
    );
  });
});

describe('apt-lists-not-cleaned ONBUILD', () => {
  it('checks an ONBUILD RUN in any stage, since it runs in the child build', async () => {
    const content = lines(
      'FROM debian:12 AS tools',
      'ONBUILD RUN apt-get update && apt-get install -y curl',
      'FROM debian:12',
      'ONBUILD RUN apt update',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2, 4]);
    expect(findings[0].snippet).toBe('apt-get update');
  });

  it('reads mounts written on continuation lines of an ONBUILD RUN', async () => {
    const content = lines(
      'FROM debian:12',
      'ONBUILD RUN --mount=type=cache,target=/var/cache/apt \\',
      '    --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install -y curl',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('fixes an ONBUILD RUN by appending the clean-up', async () => {
    const content = lines(
      'FROM debian:12',
      'ONBUILD RUN apt-get update && apt-get install -y curl',
    );
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'ONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      ),
    );
  });
});

describe('apt-lists-not-cleaned clean-up commands', () => {
  it.each([
    'find /var/lib/apt/lists -type f -delete',
    'find /var/cache/apt/archives /var/lib/apt/lists -not -name lock -type f -delete',
    'find /var/lib/apt/lists -mindepth 1 -exec rm -rf {} +',
  ])('accepts %s', async cleanup => {
    const content = lines(
      'FROM debian:12',
      `RUN apt-get update && apt-get install -y curl && ${cleanup}`,
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it.each([
    ['an rm -rf of other directories', 'rm -rf /tmp/* /var/tmp/*'],
    ['an rm of the wrong lists directory', 'rm -rf /var/cache/apt/lists'],
    ['a find that only lists', 'find /var/lib/apt/lists -type f'],
  ])('deliberately does not accept %s', async (_name, cleanup) => {
    const content = lines(
      'FROM debian:12',
      `RUN apt-get update && apt-get install -y curl && ${cleanup}`,
    );
    expect(await findingsFor(RULE, content)).toHaveLength(1);
  });
});
