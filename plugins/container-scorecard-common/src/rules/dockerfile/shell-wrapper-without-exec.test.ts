import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'shell-wrapper-without-exec';

describe('shell-wrapper-without-exec', () => {
  it('flags sh -c with several commands whose last is not exec-ed, and adds exec', async () => {
    const content = lines(
      'FROM node:22-slim',
      'CMD ["sh", "-c", "./migrate && node server.js"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('exec node');
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM node:22-slim',
        'CMD ["sh", "-c", "./migrate && exec node server.js"]',
      ),
    );
  });

  it('flags ENTRYPOINT with bash -c and a set -e preamble', async () => {
    const content = lines(
      'FROM python:3.12-slim',
      'ENTRYPOINT ["/bin/bash", "-ec", "set -u; python manage.py migrate; gunicorn app:wsgi"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(await fixedBy(RULE, content)).toContain('exec gunicorn app:wsgi');
  });

  it('only looks at the CMD/ENTRYPOINT in effect in the final stage', async () => {
    const content = lines(
      'FROM node:22 AS build',
      'CMD ["sh", "-c", "a && b"]',
      'FROM node:22-slim',
      'CMD ["sh", "-c", "echo start; exec node server.js"]',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
    const inherited = lines(
      'FROM node:22-slim AS base',
      'CMD ["sh", "-c", "a && b"]',
      'FROM base',
    );
    expect(await findingsFor(RULE, inherited)).toHaveLength(1);
  });

  it('checks CMD behind an entrypoint script, but not behind tini', async () => {
    const behindScript = lines(
      'FROM node:22-slim',
      'ENTRYPOINT ["/docker-entrypoint.sh"]',
      'CMD ["sh", "-c", "a; b"]',
    );
    expect(await findingsFor(RULE, behindScript)).toHaveLength(1);
    const behindTini = lines(
      'FROM node:22-slim',
      'ENTRYPOINT ["tini", "--"]',
      'CMD ["sh", "-c", "a; b"]',
    );
    expect(await findingsFor(RULE, behindTini)).toEqual([]);
  });

  it.each([
    [
      'a single command (the shell execs it)',
      'CMD ["sh", "-c", "node server.js"]',
    ],
    [
      'an exec-ed last command',
      'CMD ["sh", "-c", "./migrate && exec node server.js"]',
    ],
    ['exec "$@"', 'ENTRYPOINT ["sh", "-c", "./setup; exec \\"$@\\"", "--"]'],
    ['tini in front', 'ENTRYPOINT ["tini", "--", "sh", "-c", "a; b"]'],
    [
      'a trap that forwards signals',
      `CMD ["bash", "-c", "trap 'kill $P' TERM; node s.js & P=$!; wait $P"]`,
    ],
    ['exec form without a shell', 'CMD ["node", "server.js"]'],
    [
      'shell form (shell-form-cmd reports it)',
      'CMD ./migrate && node server.js',
    ],
    ['a Windows cmd shell', 'CMD ["cmd", "/S", "/C", "setup.bat && app.exe"]'],
  ])('does not flag %s', async (_name, line) => {
    expect(await findingsFor(RULE, lines('FROM debian:12', line))).toEqual([]);
  });
});
