import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'expose-ssh-port';

describe('expose-ssh-port', () => {
  it('flags EXPOSE 22 and removes the whole instruction', async () => {
    const content = lines('FROM debian:12', 'EXPOSE 22', 'CMD ["app"]');
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('22');
    expect(await fixedBy(RULE, content)).toBe(
      lines('FROM debian:12', 'CMD ["app"]'),
    );
  });

  it('flags 22/tcp among other ports and removes only that item', async () => {
    expect(
      await fixedBy(RULE, lines('FROM debian:12', 'EXPOSE 8080 22/tcp 9090')),
    ).toBe(lines('FROM debian:12', 'EXPOSE 8080 9090'));
    expect(await fixedBy(RULE, lines('FROM debian:12', 'EXPOSE 22 8080'))).toBe(
      lines('FROM debian:12', 'EXPOSE 8080'),
    );
  });

  it('flags ranges holding 22 and build arguments, without a fix', async () => {
    const content = lines(
      'FROM debian:12',
      'ARG SSH_PORT=22',
      'EXPOSE 20-25',
      'EXPOSE ${SSH_PORT}',
      'EXPOSE 80 \\',
      '  22',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3, 4, 6]);
    expect(findings[0].fix).toBeUndefined();
    expect(findings[1].message).toContain('resolves to 22');
  });

  it('flags every stage', async () => {
    const content = lines('FROM debian:12 AS a', 'EXPOSE 22', 'FROM scratch');
    expect(await findingsFor(RULE, content)).toHaveLength(1);
  });

  it.each([
    ['port 2222', lines('FROM debian:12', 'EXPOSE 2222')],
    ['port 222 and 8022', lines('FROM debian:12', 'EXPOSE 222 8022/tcp')],
    ['22/udp', lines('FROM debian:12', 'EXPOSE 22/udp')],
    ['a range without 22', lines('FROM debian:12', 'EXPOSE 8000-8100')],
    [
      'an unknown build argument',
      lines('FROM debian:12', 'ARG P', 'EXPOSE $P'),
    ],
    ['22 in a RUN', lines('FROM debian:12', 'RUN echo 22')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('honours a waiver', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM debian:12',
        '# scorecard ignore=expose-ssh-port reason="git server image"',
        'EXPOSE 22',
      ),
    );
    expect(findings[0].suppressed).toBeDefined();
  });
});
