import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'shell-form-cmd';

describe('shell-form-cmd', () => {
  it('flags CMD and ENTRYPOINT in shell form and converts simple ones', async () => {
    const content = lines(
      'FROM node:22',
      'ENTRYPOINT exec node',
      'CMD server.js --port 8080',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.message.slice(0, 10))).toEqual([
      'ENTRYPOINT',
      'CMD uses t',
    ]);
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM node:22',
        'ENTRYPOINT ["node"]',
        'CMD ["server.js", "--port", "8080"]',
      ),
    );
  });

  it('keeps quoting when converting, and joins continuations', async () => {
    const content = lines(
      'FROM python:3.12',
      `CMD python -m "my app" \\`,
      `    --name 'a b'`,
    );
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM python:3.12',
        'CMD ["python", "-m", "my app", "--name", "a b"]',
      ),
    );
  });

  it.each([
    ['a variable', 'CMD node $ENTRY'],
    ['a chain', 'CMD migrate && serve'],
    ['a redirection', 'CMD serve > /var/log/app.log'],
    ['a glob', 'CMD run /etc/conf.d/*'],
    ['an assignment', 'CMD NODE_ENV=production node server.js'],
    ['a wrapper other than exec', 'CMD gosu app node server.js'],
  ])('flags but does not auto-fix %s', async (_name, cmd) => {
    const findings = await findingsFor(RULE, lines('FROM node:22', cmd));
    expect(findings).toHaveLength(1);
    expect(findings[0].fix).toBeUndefined();
  });

  it('checks every stage, as hadolint DL3025 does: a stage can be a build target', async () => {
    const content = lines(
      'FROM node:22 AS build',
      'CMD npm test',
      'FROM node:22-slim',
      'CMD ["node", "server.js"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });

  it.each([
    ['exec alone', 'CMD exec node server.js'],
    ['exec after setup', 'CMD cd /app && exec node server.js'],
    ['exec through a wrapper', 'CMD exec gosu app node server.js'],
  ])(
    'does not flag a shell-form CMD whose shell ends by exec (%s): the process is PID 1',
    async (_name, cmd) => {
      expect(await findingsFor(RULE, lines('FROM node:22', cmd))).toEqual([]);
    },
  );

  it.each([
    ['an alternative', 'CMD start || exec node server.js'],
    ['a background job', 'CMD worker & exec node server.js'],
    ['a pipeline', 'CMD exec node server.js | tee /tmp/log'],
    ['exec not last', 'CMD exec node server.js; echo done'],
  ])(
    'still flags a shell-form CMD where the shell may stay PID 1 (%s)',
    async (_name, cmd) => {
      const findings = await findingsFor(RULE, lines('FROM node:22', cmd));
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain('SIGTERM');
    },
  );

  it('flags a shell-form ENTRYPOINT with exec for what is true: CMD and run arguments are dropped', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM node:22', 'ENTRYPOINT exec node server.js'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).not.toContain('SIGTERM');
    expect(findings[0].message).toContain('arguments are ignored');
  });

  it.each([
    ['ENTRYPOINT []', lines('FROM node:22', 'ENTRYPOINT []')],
    ['CMD []', lines('FROM node:22', 'CMD [ ]')],
  ])(
    'never flags %s: an empty JSON array resets the command',
    async (_n, c) => {
      expect(await findingsFor(RULE, c)).toEqual([]);
    },
  );

  it('checks a fragment without FROM', async () => {
    expect(await findingsFor(RULE, lines('CMD node server.js'))).toHaveLength(
      1,
    );
  });

  it.each([
    ['exec form', lines('FROM node:22', 'CMD ["node", "server.js"]')],
    [
      'exec form with sh -c (explicit choice)',
      lines('FROM node:22', 'CMD ["sh", "-c", "node server.js"]'),
    ],
    ['RUN in shell form', lines('FROM node:22', 'RUN npm ci')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('tells a Windows image about cmd, not /bin/sh and SIGTERM', async () => {
    const [finding] = await findingsFor(
      RULE,
      lines(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'CMD powershell ./start.ps1',
      ),
    );
    expect(finding.message).toContain('cmd /S /C');
    expect(finding.message).not.toContain('SIGTERM');
  });
});
