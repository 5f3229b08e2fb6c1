// Peer cases ported from KICS, assets/queries/dockerCompose/pids_limit_not_set/test/
// (positive1.yaml, positive2.yaml; the query has no negative fixture).
import { findingsFor, lines } from '../../testing';

const RULE = 'compose-pids-limit-unset';

const kicsAuth = (...extra: string[]) =>
  lines(
    "version: '2.2'",
    'volumes:',
    '  front_build:',
    'services:',
    '  auth:',
    '    build:',
    '      context: .',
    '      dockerfile: docker_config/Dockerfile',
    '    restart: on-failure',
    ...extra,
    '    cpus: 0.25',
    '    mem_limit: 500M',
  );

describe('compose-pids-limit-unset', () => {
  it('flags a service without a limit at its name (KICS positive1)', async () => {
    const findings = await findingsFor(RULE, kicsAuth(), 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('auth');
    expect(findings[0].message).toContain('sets no `pids_limit`');
  });

  it('flags pids_limit: -1 at the key (KICS positive2)', async () => {
    const findings = await findingsFor(
      RULE,
      kicsAuth('    pids_limit: -1'),
      'docker-compose.yml',
    );
    expect(findings.map(f => f.snippet)).toEqual(['pids_limit: -1']);
    expect(findings[0].message).toContain('to no limit');
  });

  it('flags pids_limit: 0 and an unlimited deploy limit', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    pids_limit: 0',
      '  b:',
      '    image: b:1',
      '    deploy:',
      '      resources:',
      '        limits:',
      '          pids: -1',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['pids_limit: 0', 'pids: -1']);
  });

  it.each([
    ['pids_limit: 200', kicsAuth('    pids_limit: 200')],
    ['a quoted limit', kicsAuth('    pids_limit: "100"')],
    ['a limit from a variable', kicsAuth('    pids_limit: ${PIDS_LIMIT:-100}')],
    [
      'deploy.resources.limits.pids',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    deploy:',
        '      resources:',
        '        limits:',
        '          pids: 150',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
