import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'multiple-entrypoint-instructions';

describe('multiple-entrypoint-instructions', () => {
  it('flags the second ENTRYPOINT of a stage and fixes by deleting the first', async () => {
    const content = lines(
      'FROM debian:12',
      'ENTRYPOINT bash',
      'RUN true',
      'ENTRYPOINT ["/app/server"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([4]);
    expect(await fixedBy(RULE, content)).toBe(
      lines('FROM debian:12', 'RUN true', 'ENTRYPOINT ["/app/server"]'),
    );
  });

  it('resets at each FROM', async () => {
    const content = lines(
      'FROM debian:12 AS one',
      'ENTRYPOINT ["bash"]',
      'RUN true',
      'FROM debian:12 AS two',
      'ENTRYPOINT ["sh"]',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags two in an earlier stage', async () => {
    const content = lines(
      'FROM debian:12 AS one',
      'ENTRYPOINT ["bash"]',
      'ENTRYPOINT ["sh"]',
      'FROM debian:12 AS two',
      'ENTRYPOINT ["sh"]',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([3]);
  });

  it.each([
    ['no ENTRYPOINT', lines('FROM busybox:1.36')],
    ['a single ENTRYPOINT', lines('ENTRYPOINT /bin/true')],
    [
      'two CMDs (another rule)',
      lines('FROM busybox:1.36', 'CMD ["a"]', 'CMD ["b"]'),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('honours hadolint ignore=DL4004', async () => {
    const content = lines(
      'FROM debian:12',
      'ENTRYPOINT ["a"]',
      '# hadolint ignore=DL4004',
      'ENTRYPOINT ["b"]',
    );
    const [finding] = await findingsFor(RULE, content);
    expect(finding.suppressed?.source).toBe('hadolint');
  });
});
