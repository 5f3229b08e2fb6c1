import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'consecutive-run-instructions';
const lineNumbers = async (content: string) =>
  (await findingsFor(RULE, content)).map(f => f.range.start.line);

describe('consecutive-run-instructions', () => {
  it.each([
    ['no RUN at all', lines('FROM debian:10')],
    ['one RUN', lines('RUN /foo.sh')],
    [
      'two RUNs split by WORKDIR',
      lines('RUN /foo.sh', 'WORKDIR /', 'RUN /bar.sh'),
    ],
    ['one RUN after a comment', lines('# a comment', 'RUN /foo.sh')],
    [
      'different mount flags (1)',
      lines('RUN --mount=type=secret,id=foo /foo.sh', 'RUN /bar.sh'),
    ],
    [
      'different mount flags (2)',
      lines(
        'RUN --mount=type=secret,id=foo /foo.sh',
        'RUN --mount=type=secret,id=bar /bar.sh',
      ),
    ],
    ['chained commands first (&&)', lines('RUN foo && bar', 'RUN foobar')],
    ['chained commands first (;)', lines('RUN foo; bar', 'RUN foobar')],
    ['chained commands second (&&)', lines('RUN foobar', 'RUN foo && bar')],
    ['chained commands second (;)', lines('RUN foobar', 'RUN foo; bar')],
    ['chained commands both', lines('RUN foo && bar', 'RUN foo; bar')],
    [
      'RUNs in different stages',
      lines('FROM a AS x', 'RUN foo', 'FROM b', 'RUN bar'),
    ],
  ])('does not flag %s (hadolint DL3059)', async (_name, content) => {
    expect(await lineNumbers(content)).toEqual([]);
  });

  it.each([
    ['two consecutive RUNs', lines('RUN /foo.sh', 'RUN /bar.sh'), [2]],
    [
      'two RUNs separated by a comment',
      lines('RUN /foo.sh', '# a comment', 'RUN /bar.sh'),
      [3],
    ],
    [
      'two RUNs separated by two comments',
      lines('RUN /foo.sh', '# a comment', '# another comment', 'RUN /bar.sh'),
      [4],
    ],
    [
      'equal flags',
      lines(
        'RUN --mount=type=secret,id=foo /foo.sh',
        'RUN --mount=type=secret,id=foo /bar.sh',
      ),
      [2],
    ],
    [
      'two single RUNs after a chained one',
      lines('RUN foo && bar', 'RUN foo', 'RUN bar'),
      [3],
    ],
  ])('flags %s (hadolint DL3059)', async (_name, content, expected) => {
    expect(await lineNumbers(content)).toEqual(expected);
  });

  it('merges plain RUNs with && and leaves commented gaps alone', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get update',
      'RUN apt-get install -y curl',
      'RUN useradd app',
    );
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'RUN apt-get update && \\',
        '    apt-get install -y curl && \\',
        '    useradd app',
      ),
    );
    const commented = lines('FROM debian:12', 'RUN a', '# why', 'RUN b');
    expect((await findingsFor(RULE, commented))[0].fix).toBeUndefined();
  });

  it('counts a sh -c string as one command, as hadolint does', async () => {
    expect(
      await lineNumbers(lines('FROM x', `RUN sh -c 'a && b'`, 'RUN c')),
    ).toEqual([3]);
  });
});
