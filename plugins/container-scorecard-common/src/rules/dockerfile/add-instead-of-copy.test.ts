import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'add-instead-of-copy';
const inStage = (line: string) => lines('FROM debian:12', line);

describe('add-instead-of-copy', () => {
  it.each([
    'ADD file /usr/src/app/',
    'ADD file.zip /usr/src/app/',
    'ADD "file.zip" /usr/src/app/',
    'ADD src/ config.yaml /app/',
    'ADD --chown=app:app . /app',
    'ADD ["a file", "/app/"]',
  ])('flags %s (hadolint DL3020)', async line => {
    expect(await findingsFor(RULE, inStage(line))).toHaveLength(1);
  });

  it.each([
    'ADD file.tar /usr/src/app/',
    'ADD file.gz /usr/src/app/',
    'ADD file.bz2 /usr/src/app/',
    'ADD file.xz /usr/src/app/',
    'ADD file.tgz /usr/src/app/',
    'ADD "file.tgz" /usr/src/app/',
    'ADD http://file.com /usr/src/app/',
    'ADD "http://file.com" /usr/src/app/',
    'ADD --checksum=sha256:abc https://example.com/tool.tar.gz /opt/',
    'ADD git@github.com:acme/repo.git /src',
    'ADD a.tar.gz https://example.com/b /opt/',
  ])('does not flag %s', async line => {
    expect(await findingsFor(RULE, inStage(line))).toEqual([]);
  });

  it('fixes ADD to COPY for local sources, flags and all', async () => {
    expect(await fixedBy(RULE, inStage('ADD --chown=app:app src/ /app/'))).toBe(
      inStage('COPY --chown=app:app src/ /app/'),
    );
  });

  it('flags a mix of archive and local file without a fix', async () => {
    const findings = await findingsFor(
      RULE,
      inStage('ADD vendor.tgz notes.txt /opt/'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
  });

  it('resolves build arguments and skips unknown ones', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'ARG PKG=app.tar.gz', 'ADD ${PKG} /opt/'),
      ),
    ).toEqual([]);
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'ARG SRC', 'ADD $SRC /opt/'),
      ),
    ).toEqual([]);
  });

  it('flags ADD in every stage and across continuations', async () => {
    const content = lines(
      'FROM golang:1.23 AS build',
      'ADD . /src',
      'FROM scratch',
      'ADD --chown=65532:65532 \\',
      '    bin/ /bin/',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([2, 4]);
  });

  it('honours a hadolint ignore comment', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', '# hadolint ignore=DL3020', 'ADD file /x'),
    );
    expect(findings[0].suppressed?.source).toBe('hadolint');
  });

  // Ported from hadolint/hadolint test/Hadolint/Rule/DL3020Spec.hs (no RUN, so hadolint's
  // ONBUILD variant is the same file).
  it.each([
    ['add for tar', 'ADD file.tar /usr/src/app/', 0],
    ['add for gzip', 'ADD file.gz /usr/src/app/', 0],
    ['add for bz2', 'ADD file.bz2 /usr/src/app/', 0],
    ['add for xz', 'ADD file.xz /usr/src/app/', 0],
    ['add for tgz', 'ADD file.tgz /usr/src/app/', 0],
    ['add for url', 'ADD http://file.com /usr/src/app/', 0],
    ['using add', 'ADD file /usr/src/app/', 1],
    ['warn for zip', 'ADD file.zip /usr/src/app/', 1],
    ['add for tgz with quotes', 'ADD "file.tgz" /usr/src/app/', 0],
    ['add for url with quotes', 'ADD "http://file.com" /usr/src/app/', 0],
    ['warn for zip with quotes', 'ADD "file.zip" /usr/src/app/', 1],
  ])('hadolint DL3020 case "%s"', async (_name, add, count) => {
    expect(await findingsFor(RULE, lines('FROM debian:12', add))).toHaveLength(
      count,
    );
  });
});
