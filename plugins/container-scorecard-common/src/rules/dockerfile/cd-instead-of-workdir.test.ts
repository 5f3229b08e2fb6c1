import { findingsFor, lines } from '../../testing';

const RULE = 'cd-instead-of-workdir';

describe('cd-instead-of-workdir', () => {
  it('flags RUN cd (hadolint DL3003)', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'RUN cd /opt'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('cd /opt');
  });

  it('reports one finding per RUN, at its first cd, wherever the shell runs it', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN set -eux; \\',
      '    cd /src && make && cd /tmp',
      `RUN sh -c 'cd /app && npm ci'`,
      'RUN <<EOF',
      'cd /build',
      'EOF',
      'RUN (cd /x && tar xf a.tar)',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3, 4, 6, 8]);
  });

  it.each([
    ['WORKDIR', lines('FROM debian:12', 'WORKDIR /opt')],
    ['make -C', lines('FROM debian:12', 'RUN make -C /src install')],
    ['cd in a string', lines('FROM debian:12', 'RUN echo "cd /opt"')],
    ['cd in CMD', lines('FROM debian:12', 'CMD cd /app && ./run')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
