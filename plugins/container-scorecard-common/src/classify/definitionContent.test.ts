import { analyze, lines } from '../testing';

const NOT_A_DOCKERFILE = {
  status: 'could-not-analyse',
  kind: 'dockerfile',
  error: {
    code: 'not-a-definition',
    message: 'Not a Dockerfile: no Dockerfile instruction found.',
  },
};

describe('a file named like a Dockerfile with no instruction', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '  \n\t\n\n'],
    ['comments only', lines('# just a comment', '   # another one')],
    [
      'parser directives only',
      lines('# syntax=docker/dockerfile:1', '# escape=`'),
    ],
    [
      'a README named Dockerfile',
      lines(
        'This directory holds the build of the service.',
        '',
        'See the wiki for how to deploy it.',
      ),
    ],
    ['a continued line of text', lines('Hello \\', 'world')],
  ])('is not a definition and never scores: %s', async (_name, content) => {
    const result = await analyze(content, 'services/api/Dockerfile');
    expect(result).toMatchObject(NOT_A_DOCKERFILE);
    expect(result.score).toBeUndefined();
    expect(result.grade).toBeUndefined();
    expect(result.findings).toEqual([]);
  });

  it('applies to every Dockerfile name (Containerfile, *.Dockerfile)', async () => {
    for (const path of ['Containerfile', 'build/app.Dockerfile']) {
      expect(await analyze('', path)).toMatchObject(NOT_A_DOCKERFILE);
    }
  });

  it('keeps analysing a fragment with only RUN lines and no FROM', async () => {
    const result = await analyze(
      lines('RUN apt-get update', 'RUN apt-get install -y curl'),
      'Dockerfile.include',
    );
    expect(result.status).toBe('analysed');
    expect(result.score).toEqual(expect.any(Number));
  });

  it('recognises instructions whatever their case, after comments and directives', async () => {
    const result = await analyze(
      lines('# syntax=docker/dockerfile:1', '# a comment', 'from alpine:3.20'),
    );
    expect(result.status).toBe('analysed');
  });

  it('keeps analysing a Dockerfile that also holds stray text', async () => {
    const result = await analyze(
      lines('FROM alpine:3.20', 'Oops this line is not an instruction'),
    );
    expect(result.status).toBe('analysed');
  });
});

describe('a file named like a compose file with no services', () => {
  it.each([
    ['empty', '', 'the file is empty'],
    ['comments only', lines('# nothing yet'), 'the file is empty'],
    ['version only', lines("version: '3.8'"), 'no "services" mapping found'],
    [
      'a YAML list',
      lines('- web', '- db'),
      'the file holds a list, not a mapping with services',
    ],
    [
      'a single value',
      lines('hello'),
      'the file holds a single value, not a mapping with services',
    ],
    [
      'services: with nothing under it',
      lines('services:'),
      'its "services" mapping defines no service',
    ],
    [
      'an empty services mapping',
      lines('services: {}'),
      'its "services" mapping defines no service',
    ],
    [
      'services as a list',
      lines('services:', '  - web'),
      '"services" is not a mapping of services',
    ],
  ])('is not a definition and never scores: %s', async (_n, content, why) => {
    for (const path of ['docker-compose.yml', 'deploy/compose.prod.yaml']) {
      const result = await analyze(content, path);
      expect(result).toMatchObject({
        status: 'could-not-analyse',
        kind: 'compose',
        error: {
          code: 'not-a-definition',
          message: `Not a compose file: ${why}.`,
        },
      });
      expect(result.score).toBeUndefined();
    }
  });

  it('ignores, without an error, a compose file that only includes others', async () => {
    const result = await analyze(
      lines('include:', '  - ./services/compose.yaml'),
      'compose.yaml',
    );
    expect(result.status).toBe('not-applicable');
  });

  it('analyses a compose file with one service', async () => {
    const result = await analyze(
      lines('services:', '  web:', '    image: nginx:1.27'),
      'compose.yaml',
    );
    expect(result.status).toBe('analysed');
  });
});
