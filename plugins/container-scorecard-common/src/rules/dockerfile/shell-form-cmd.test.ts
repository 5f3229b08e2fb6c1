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
});
