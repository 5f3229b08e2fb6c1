import { findingsFor, lines } from '../../testing';

const RULE = 'apk-add-unpinned-packages';

describe('apk-add-unpinned-packages', () => {
  it('flags a single unpinned package', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM alpine:3.20', 'RUN apk add bison'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('apk add bison');
  });

  it('flags a list with one package left unpinned', async () => {
    const content = lines(
      'FROM alpine:3.20',
      'RUN apk add --no-cache \\',
      '  bison=3.8.2-r1 \\',
      '  libffi \\',
      '  python3=3.12.8-r1',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('libffi');
    expect(findings[0].message).not.toContain('bison');
  });

  it('finds apk behind sudo, in sh -c and in heredocs', async () => {
    const content = lines(
      'FROM alpine:3.20',
      `RUN sh -c "apk add git" && sudo apk add make`,
      'RUN <<EOF',
      'set -e',
      'apk add curl',
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2, 2, 5]);
  });

  it.each([
    ['an exact version', 'RUN apk add bison=3.8.2-r1'],
    ['a tilde version', 'RUN apk add --no-cache git~2.45'],
    [
      'a pinned package followed by other commands',
      'RUN apk add --no-cache bison=3.8.2-r1 \\\n && pip install -r requirements.txt',
    ],
    [
      'a virtual package name',
      'RUN apk add \\\n --virtual .build-deps \\\n gcc=13.2.1-r0 musl-dev=1.2.5-r0 \\\n && apk del .build-deps',
    ],
    [
      'a repository as a separate word',
      'RUN apk add --no-cache \\\n --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing \\\n flow=0.78.0-r0',
    ],
    [
      'a repository with an equal sign',
      'RUN apk add --no-cache --repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0',
    ],
    [
      'a repository given with -X',
      'RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0',
    ],
    ['a local .apk file', 'RUN apk add --allow-untrusted mytool-1.0.0.apk'],
    ['other subcommands', 'RUN apk update && apk del curl'],
  ])('does not flag %s', async (_name, run) => {
    expect(await findingsFor(RULE, lines('FROM alpine:3.20', run))).toEqual([]);
  });

  it('checks ONBUILD RUN triggers, as hadolint does', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM alpine:3.20', 'ONBUILD RUN apk add bison'),
      ),
    ).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines('FROM alpine:3.20', 'ONBUILD RUN apk add bison=3.8.2-r1'),
      ),
    ).toEqual([]);
  });

  it('honours hadolint ignore=DL3018', async () => {
    const content = lines(
      'FROM alpine:3.20',
      '# hadolint ignore=DL3018',
      'RUN apk add curl',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings[0].suppressed?.source).toBe('hadolint');
  });
});

describe('apk-add-unpinned-packages version constraints', () => {
  it.each([
    ['a lower bound', "RUN apk add 'py3-pip>23'"],
    ['an upper bound', "RUN apk add 'py3-pip<24'"],
    ['an inclusive bound', 'RUN apk add \'py3-pip>=23.1\' "openssl<=3.3"'],
    ['a fuzzy version', 'RUN apk add py3-pip~23.1 openssl=~3.3'],
  ])('counts %s as pinned', async (_name, run) => {
    expect(await findingsFor(RULE, lines('FROM alpine:3.20', run))).toEqual([]);
    expect(
      await findingsFor(RULE, lines('FROM alpine:3.20', `ONBUILD ${run}`)),
    ).toEqual([]);
  });

  it('flags an unquoted bound, which the shell reads as a redirection', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM alpine:3.20', 'RUN apk add py3-pip>23'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('for py3-pip:');
  });
});
