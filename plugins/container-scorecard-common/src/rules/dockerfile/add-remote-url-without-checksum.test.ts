import { findingsFor, lines } from '../../testing';

const RULE = 'add-remote-url-without-checksum';

const flaggedLines = async (content: string) =>
  (await findingsFor(RULE, content)).map(f => f.range.start.line);

describe('add-remote-url-without-checksum', () => {
  it('flags ADD of an https URL and names it', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM debian:12',
        'ADD https://example.com/tool-1.2.3.tar.gz /opt/',
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      'https://example.com/tool-1.2.3.tar.gz',
    );
  });

  it.each([
    [
      'an http URL with --chown',
      'ADD --chown=app:app http://example.com/a.jar /app/a.jar',
    ],
    ['the JSON form', 'ADD ["https://example.com/a.jar", "/app/a.jar"]'],
    [
      'a URL from a build argument',
      'ARG URL=https://example.com/a.jar\nADD ${URL} /app/a.jar',
    ],
    [
      'a URL behind a continuation',
      'ADD \\\n  https://example.com/a.jar \\\n  /app/a.jar',
    ],
  ])('flags %s', async (_name, text) => {
    expect(await flaggedLines(lines('FROM debian:12', text))).toHaveLength(1);
  });

  it.each([
    [
      'ADD with --checksum',
      'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.jar /app/',
    ],
    ['ADD of a local archive (DL3020 territory)', 'ADD rootfs.tar.xz /'],
    [
      'ADD of a git repository',
      'ADD https://github.com/moby/buildkit.git#v0.16.0 /src',
    ],
    [
      'ADD of a git repository over ssh',
      'ADD git@github.com:moby/buildkit.git /src',
    ],
    ['COPY', 'COPY . /app'],
  ])('does not flag %s', async (_name, text) => {
    expect(await flaggedLines(lines('FROM debian:12', text))).toEqual([]);
  });
});
