import { findingsFor, lines } from '../../testing';

const RULE = 'compose-missing-healthcheck';

describe('compose-missing-healthcheck', () => {
  it('flags image and build services without a healthcheck at their names', async () => {
    const content = lines(
      'services:',
      '  api:',
      '    build: .',
      '  cache:',
      '    image: redis:7.2',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
      '      interval: 10s',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings.map(f => f.snippet)).toEqual(['api', 'cache']);
    expect(findings[0].range.start).toEqual({ line: 2, column: 3 });
  });

  it.each([
    [
      'disable: true',
      ['    image: acme/job:1', '    healthcheck:', '      disable: true'],
    ],
    [
      'test: ["NONE"]',
      ['    image: acme/job:1', '    healthcheck:', '      test: ["NONE"]'],
    ],
    [
      'an image known to define a HEALTHCHECK',
      ['    image: gitlab/gitlab-ce:17.0.0-ce.0'],
    ],
    [
      'a service that only extends another one',
      ['    extends:', '      file: common.yml', '      service: base'],
    ],
  ])('does not flag %s', async (_name, extra) => {
    const content = lines('services:', '  a:', ...extra);
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('honours a healthcheck from a merge key', async () => {
    const content = lines(
      'x-health: &health',
      '  healthcheck:',
      '    test: ["CMD", "true"]',
      'services:',
      '  a:',
      '    <<: *health',
      '    image: a:1',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('still flags a known image when the service builds its own', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: gitlab/gitlab-ce:17.0.0-ce.0',
      '    build: ./gitlab',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toHaveLength(1);
  });
});
