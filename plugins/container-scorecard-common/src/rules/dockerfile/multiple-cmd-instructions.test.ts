import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'multiple-cmd-instructions';

describe('multiple-cmd-instructions', () => {
  it('flags the second CMD of a stage and deletes the first as the fix', async () => {
    const content = lines(
      'FROM debian:12',
      'CMD ["bash"]',
      'RUN true',
      'CMD ["/app/run"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([4]);
    expect(findings[0].message).toContain('line 2');
    expect(await fixedBy(RULE, content)).toBe(
      lines('FROM debian:12', 'RUN true', 'CMD ["/app/run"]'),
    );
  });

  it('flags each extra CMD and the fixes together keep only the last', async () => {
    const content = lines(
      'FROM debian:12',
      'CMD a',
      'CMD b \\',
      '  --flag',
      'CMD c',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([3, 5]);
    expect(await fixedBy(RULE, content)).toBe(lines('FROM debian:12', 'CMD c'));
  });

  it('counts per stage: one CMD in each of two stages is fine', async () => {
    const content = lines(
      'FROM debian:12 AS one',
      'CMD ["bash"]',
      'RUN true',
      'FROM debian:12 AS two',
      'CMD ["sh"]',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags two CMDs in an earlier stage too', async () => {
    const content = lines(
      'FROM debian:12 AS one',
      'CMD ["bash"]',
      'RUN true',
      'CMD ["sh"]',
      'FROM debian:12 AS two',
      'CMD ["sh"]',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([4]);
  });

  it.each([
    ['a single CMD', lines('CMD /bin/true')],
    ['no CMD', lines('FROM busybox:1.36')],
    [
      'a CMD and an ENTRYPOINT',
      lines('FROM busybox:1.36', 'ENTRYPOINT ["sh"]', 'CMD ["-c", "true"]'),
    ],
    [
      'an ONBUILD CMD',
      lines('FROM busybox:1.36', 'ONBUILD CMD ["a"]', 'CMD ["b"]'),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags a fragment without FROM', async () => {
    expect(
      await findingsFor(RULE, lines('CMD ["a"]', 'CMD ["b"]')),
    ).toHaveLength(1);
  });
});
