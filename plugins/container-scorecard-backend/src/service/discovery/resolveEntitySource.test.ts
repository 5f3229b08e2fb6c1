import { Entity } from '@backstage/catalog-model';
import { resolveEntitySource, sourceKeyOf } from './resolveEntitySource';

function component(annotations: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', annotations: annotations as any },
    spec: { owner: 'team' },
  };
}

describe('resolveEntitySource', () => {
  it('uses the source location, url: and file:', () => {
    expect(
      resolveEntitySource(
        component({
          'backstage.io/source-location':
            'url:https://github.com/acme/svc/tree/main/',
        }),
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/acme/svc/tree/main/',
      paths: undefined,
    });
    expect(
      resolveEntitySource(
        component({ 'backstage.io/source-location': 'file:/srv/repos/svc/' }),
      ),
    ).toEqual({ type: 'file', target: '/srv/repos/svc/', paths: undefined });
  });

  it('falls back to the directory of the catalog file the entity came from', () => {
    expect(
      resolveEntitySource(
        component({
          'backstage.io/managed-by-location':
            'file:/work/examples/repos/svc/catalog-info.yaml',
        }),
      ),
    ).toMatchObject({ type: 'file', target: '/work/examples/repos/svc' });
    expect(
      resolveEntitySource(
        component({
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/svc/blob/main/catalog-info.yaml',
        }),
      ),
    ).toMatchObject({
      type: 'url',
      target: 'https://github.com/acme/svc/tree/main/',
    });
  });

  it('keeps brace groups whole when splitting the globs at commas', () => {
    expect(
      resolveEntitySource(
        component({
          'backstage.io/source-location': 'file:/srv/svc/',
          'container-scorecard.io/paths': 'services/{api,web}/**,\ncharts/**',
        }),
      ),
    ).toMatchObject({ paths: ['services/{api,web}/**', 'charts/**'] });
  });

  it('lets our own annotations override the source, limit paths and opt out', () => {
    const entity = component({
      'backstage.io/source-location': 'url:https://github.com/acme/monorepo/',
      'container-scorecard.io/source':
        'https://github.com/acme/monorepo/tree/main/services/svc',
      'container-scorecard.io/paths': 'build/*.Dockerfile, deploy/**',
    });
    const source = resolveEntitySource(entity);
    expect(source).toEqual({
      type: 'url',
      target: 'https://github.com/acme/monorepo/tree/main/services/svc',
      paths: ['build/*.Dockerfile', 'deploy/**'],
    });
    expect(sourceKeyOf(source)).toBe(
      'url:https://github.com/acme/monorepo/tree/main/services/svc|build/*.Dockerfile,deploy/**',
    );
    expect(
      resolveEntitySource(
        component({
          ...entity.metadata.annotations,
          'container-scorecard.io/skip': 'true',
        }),
      ),
    ).toMatchObject({ type: 'skip' });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no location at all', {}, /no backstage.io\/source-location/],
    [
      'an scp-style git address',
      { 'backstage.io/source-location': 'git@github.com:acme/svc.git' },
      /neither a url: nor a file:/,
    ],
    [
      'a URL that does not parse',
      { 'backstage.io/source-location': 'url:not a url' },
      /not a valid URL/,
    ],
    [
      'an ftp URL',
      { 'backstage.io/source-location': 'url:ftp://host/repo' },
      /only http\(s\)/,
    ],
    [
      'a relative file path',
      { 'backstage.io/source-location': 'file:relative/dir' },
      /relative file path/,
    ],
    [
      'a 5,000-character URL',
      { 'backstage.io/source-location': `url:https://x/${'a'.repeat(5000)}` },
      /not a usable location/,
    ],
    [
      'globs that climb out of the repository',
      {
        'backstage.io/source-location': 'file:/srv/svc/',
        'container-scorecard.io/paths': '../../etc/**',
      },
      /stay inside the repository/,
    ],
    [
      'a brace expansion bomb',
      {
        'backstage.io/source-location': 'file:/srv/svc/',
        'container-scorecard.io/paths': '{1..100000},{1..99999}',
      },
      /^path glob "\{1\.\.100000\}" is not allowed: its braces expand to more than 64 alternatives$/,
    ],
    [
      'a glob with too many wildcards',
      {
        'backstage.io/source-location': 'file:/srv/svc/',
        'container-scorecard.io/paths': 'deploy/**, *a*a*a*a*a*a*a*a*b',
      },
      /^path glob "\*a\*a\*a\*a\*a\*a\*a\*a\*b" is not allowed: more than 4 "\*" in one path segment$/,
    ],
    [
      'too many globs',
      {
        'backstage.io/source-location': 'file:/srv/svc/',
        'container-scorecard.io/paths': Array.from(
          { length: 21 },
          (_, i) => `d${i}/**`,
        ).join(','),
      },
      /not allowed: more than 20 globs/,
    ],
    [
      'empty globs',
      {
        'backstage.io/source-location': 'file:/srv/svc/',
        'container-scorecard.io/paths': ' , ',
      },
      /is empty/,
    ],
    [
      'a number instead of a string',
      { 'backstage.io/source-location': 42 },
      /not a usable location/,
    ],
  ])(
    'explains odd annotations instead of throwing: %s',
    (_label, annotations, reason) => {
      const source = resolveEntitySource(component(annotations));
      expect(source.type).toBe('invalid');
      expect((source as { reason: string }).reason).toMatch(reason);
    },
  );
});
