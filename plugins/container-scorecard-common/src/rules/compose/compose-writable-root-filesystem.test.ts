import { findingsFor, lines } from '../../testing';

const RULE = 'compose-writable-root-filesystem';

describe('compose-writable-root-filesystem', () => {
  it('flags a service without read_only at its name', async () => {
    const content = lines(
      'services:',
      '  api:',
      '    image: acme/api:3',
      '  worker:',
      '    image: acme/worker:3',
      '    read_only: true',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('api');
    expect(findings[0].range.start).toEqual({ line: 2, column: 3 });
  });

  it('flags an explicit read_only: false at the pair', async () => {
    const content = lines(
      'services:',
      '  api:',
      '    image: acme/api:3',
      '    read_only: false',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual(['read_only: false']);
  });

  it.each([
    ['read_only: true', '    read_only: true'],
    ['the string "true"', '    read_only: "true"'],
  ])('does not flag %s', async (_name, line) => {
    const content = lines('services:', '  a:', '    image: a:1', line);
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('honours read_only from a merge key', async () => {
    const content = lines(
      'x-hardened: &hardened',
      '  read_only: true',
      'services:',
      '  a:',
      '    <<: *hardened',
      '    image: a:1',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
