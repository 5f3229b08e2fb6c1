import { findingsFor, lines } from '../../testing';
import { grantsWorldWrite } from './world-writable-permissions';

const RULE = 'world-writable-permissions';

describe('world-writable-permissions', () => {
  it.each([
    '777',
    '0777',
    '666',
    '0757',
    '772',
    'a+rwx',
    'o+w',
    'ugo+rw',
    'a=rwx',
    'u+x,o+w',
  ])('treats mode %s as world-writable', mode =>
    expect(grantsWorldWrite(mode)).toBe(true),
  );

  it.each([
    '755',
    '0644',
    '1777',
    '775',
    'u+w',
    '+w',
    'g+w',
    'o-w',
    'a+rx',
    'a+rwxt',
    'o+rwt',
  ])('does not treat mode %s as world-writable', mode =>
    expect(grantsWorldWrite(mode)).toBe(false),
  );

  it('flags chmod 777 and chmod -R 777 in && chains, sh -c and heredocs', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN mkdir -p /app/data && chmod -R 777 /app/data',
      `RUN sh -c 'chmod a+rwx /srv'`,
      'RUN <<EOF',
      'set -eux',
      'chmod --recursive 0666 /etc/app',
      'EOF',
      'RUN set -e; \\',
      '    sudo chmod o+w /var/log/app',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2, 3, 6, 9]);
    expect(findings[0].snippet).toBe('chmod -R 777 /app/data');
    expect(findings[0].message).toContain('777');
  });

  it('flags COPY and ADD --chmod with a world-writable mode', async () => {
    const content = lines(
      'FROM debian:12',
      'COPY --chmod=777 entrypoint.sh /usr/local/bin/',
      'ADD --chmod=755 tool /usr/local/bin/',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });

  it.each([
    ['chmod 755', lines('FROM debian:12', 'RUN chmod 755 /app')],
    ['chmod +x', lines('FROM debian:12', 'RUN chmod +x /entrypoint.sh')],
    [
      'a sticky tmp directory',
      lines('FROM debian:12', 'RUN chmod 1777 /tmp/cache'),
    ],
    ['777 in an echo', lines('FROM debian:12', 'RUN echo chmod 777 /x')],
    [
      'a Windows icacls',
      lines(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN icacls C:\\app /grant Everyone:F',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('honours a waiver', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM debian:12',
        '# scorecard ignore=world-writable-permissions reason="shared scratch dir"',
        'RUN chmod 777 /scratch',
      ),
    );
    expect(findings[0].suppressed).toBeDefined();
  });

  it('skips a chmod whose targets the same RUN removes afterwards', async () => {
    const flaggedLines = async (...runs: string[]) =>
      (await findingsFor(RULE, lines('FROM debian:12', ...runs))).map(
        f => f.range.start.line,
      );
    expect(
      await flaggedLines(
        'RUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && make -C "$tempDir" && rm -rf "${tempDir}"',
        'RUN mkdir -p /tmp/build/out && chmod -R 777 /tmp/build/out && rm -rf /tmp/build',
        'RUN chmod 777 /a /b && rm -rf /a /b/',
      ),
    ).toEqual([]);
    expect(
      await flaggedLines(
        // Removed before the chmod: the chmod recreates nothing, but what it opens stays.
        'RUN rm -rf /data && mkdir /data && chmod 777 /data',
        // Only one of two targets goes away.
        'RUN chmod 777 /a /b && rm -rf /a',
        // Removal in a later RUN does not undo the earlier layer.
        'RUN chmod 777 /scratch',
        'RUN rm -rf /scratch',
        // A sibling that shares a prefix is not the same directory.
        'RUN chmod 777 /tmp/build2 && rm -rf /tmp/build',
      ),
    ).toEqual([2, 3, 4, 6]);
  });
});
