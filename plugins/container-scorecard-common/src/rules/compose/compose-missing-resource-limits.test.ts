import { findingsFor, lines } from '../../testing';

const RULE = 'compose-missing-resource-limits';

describe('compose-missing-resource-limits', () => {
  it('flags a service without limits at its name', async () => {
    const content = lines(
      'services:',
      '  api:',
      '    image: acme/api:3',
      '    deploy:',
      '      replicas: 2',
      '      resources:',
      '        reservations:',
      '          memory: 128M',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('api');
    expect(findings[0].message).toContain('"api"');
  });

  it.each([
    [
      'deploy.resources.limits.memory',
      [
        '    deploy:',
        '      resources:',
        '        limits:',
        '          memory: 256M',
      ],
    ],
    ['mem_limit (compose v2)', ['    mem_limit: 512m']],
    ['mem_limit next to a CPU limit', ['    cpus: 1.5', '    mem_limit: 1g']],
  ])('does not flag %s', async (_name, extra) => {
    const content = lines('services:', '  a:', '    image: a:1', ...extra);
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it.each([
    [
      'deploy.resources.limits.cpus',
      [
        '    deploy:',
        '      resources:',
        '        limits:',
        "          cpus: '0.5'",
      ],
      'limits:',
    ],
    ['cpus at service level', ['    cpus: 1.5'], 'a'],
    ['cpu_quota', ['    cpu_quota: 50000'], 'a'],
  ])(
    'flags a CPU limit without a memory limit (%s)',
    async (_name, extra, snippet) => {
      const content = lines('services:', '  a:', '    image: a:1', ...extra);
      const findings = await findingsFor(RULE, content, 'compose.yml');
      expect(findings).toHaveLength(1);
      expect(findings[0].snippet.split('\n')[0]).toBe(snippet);
    },
  );

  it('reads limits shared through a merge key', async () => {
    const content = lines(
      'x-limits: &limits',
      '  deploy:',
      '    resources:',
      '      limits: { memory: 1G }',
      'services:',
      '  a:',
      '    <<: *limits',
      '    image: a:1',
      '  b:',
      '    image: b:1',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual(['b']);
  });

  it('flags an empty limits block and a zero memory limit', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    deploy: { resources: { limits: {} } }',
      '  b:',
      '    image: b:1',
      '    mem_limit: 0',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toHaveLength(2);
  });
});
