import { findingsFor, lines } from '../../testing';

const RULE = 'last-user-root';

describe('last-user-root', () => {
  it.each(['root', '0', 'root:root', '0:0', 'root:staff'])(
    'flags a last USER %s',
    async user => {
      const findings = await findingsFor(
        RULE,
        lines('FROM scratch', `USER ${user}`),
      );
      expect(findings).toHaveLength(1);
      expect(findings[0].range.start.line).toBe(2);
      expect(findings[0].message).toContain('final stage');
    },
  );

  it.each(['foo', '1000:0', 'rootless', '10001'])(
    'does not flag a last USER %s',
    async user => {
      expect(
        await findingsFor(RULE, lines('FROM scratch', `USER ${user}`)),
      ).toEqual([]);
    },
  );

  it('does not flag when the stage switches back to a non-root user', async () => {
    const content = lines(
      'FROM scratch',
      'USER root',
      'RUN something',
      'USER foo',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags a base stage ending as root that a later stage builds on', async () => {
    const content = lines(
      'FROM debian AS base',
      'USER root',
      'RUN something',
      'FROM base',
      'RUN something else',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
    expect(findings[0].message).toContain('"base"');
  });

  it('checks every stage, as hadolint does, even when the final one is not root', async () => {
    const content = lines(
      'FROM debian AS base',
      'USER root',
      'RUN something',
      'FROM scratch',
      'USER foo',
      'RUN something else',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([2]);
  });

  it('does not flag stages that switch back, whatever the final stage does', async () => {
    const content = lines(
      'FROM debian AS base',
      'USER root',
      'RUN something',
      'USER foo',
      'FROM scratch',
      'RUN something else',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('resolves build arguments with known defaults and trusts unknown ones', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'ARG RUN_AS=root', 'USER ${RUN_AS}'),
      ),
    ).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'ARG RUN_AS', 'USER ${RUN_AS}'),
      ),
    ).toEqual([]);
  });

  it('ignores USER before the first FROM and a Windows ContainerAdministrator', async () => {
    expect(
      await findingsFor(RULE, lines('USER root', 'FROM debian:12', 'USER app')),
    ).toEqual([]);
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
          'USER ContainerUser',
        ),
      ),
    ).toEqual([]);
  });

  it('and no-user-in-final-stage never report the same cause twice', async () => {
    const explicitRoot = lines('FROM node:22', 'USER root');
    expect(await findingsFor(RULE, explicitRoot)).toHaveLength(1);
    expect(await findingsFor('no-user-in-final-stage', explicitRoot)).toEqual(
      [],
    );
    const noUser = lines('FROM node:22', 'CMD ["node"]');
    expect(await findingsFor(RULE, noUser)).toEqual([]);
    expect(await findingsFor('no-user-in-final-stage', noUser)).toHaveLength(1);
  });

  it('honours an inline waiver', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM debian:12',
        '# scorecard ignore=last-user-root reason="entrypoint drops to app with gosu"',
        'USER root',
      ),
    );
    expect(findings[0].suppressed).toBeDefined();
  });
});
