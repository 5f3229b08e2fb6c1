import { Entity } from '@backstage/catalog-model';
import { resolveEntitySource, sourceKeyOf } from './resolveEntitySource';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', annotations },
    spec: { owner: 'team' },
  };
}

const FROM_FILE = {
  'backstage.io/managed-by-location':
    'file:/work/examples/repos/svc/catalog-info.yaml',
};

describe('container-scorecard.io/extra-sources', () => {
  it('reads labelled and unlabelled locations, relative ones against the entity source', () => {
    const source = resolveEntitySource(
      component({
        ...FROM_FILE,
        'container-scorecard.io/extra-sources':
          'deploy=../../gitops/apps/svc, url:https://github.com/acme/gitops/tree/main/apps/svc\nshared=file:/srv/shared/svc',
      }),
    );
    expect(source).toEqual({
      type: 'file',
      target: '/work/examples/repos/svc',
      paths: undefined,
      extraSources: [
        {
          label: 'deploy',
          type: 'file',
          target: '/work/examples/gitops/apps/svc',
        },
        {
          label: 'svc',
          type: 'url',
          target: 'https://github.com/acme/gitops/tree/main/apps/svc',
        },
        { label: 'shared', type: 'file', target: '/srv/shared/svc' },
      ],
    });
  });

  it('resolves a relative location against a url source', () => {
    expect(
      resolveEntitySource(
        component({
          'backstage.io/source-location':
            'url:https://github.com/acme/svc/tree/main/',
          'container-scorecard.io/extra-sources':
            'gitops=../../gitops/tree/main/apps/svc',
        }),
      ),
    ).toMatchObject({
      extraSources: [
        {
          label: 'gitops',
          type: 'url',
          target: 'https://github.com/acme/svc/gitops/tree/main/apps/svc',
        },
      ],
    });
  });

  it('puts the extra sources in the source key, so a changed list is read again', () => {
    const plain = resolveEntitySource(component(FROM_FILE));
    const extra = resolveEntitySource(
      component({
        ...FROM_FILE,
        'container-scorecard.io/extra-sources': '../gitops',
      }),
    );
    expect(sourceKeyOf(plain)).toBe('file:/work/examples/repos/svc|');
    expect(sourceKeyOf(extra)).toBe(
      'file:/work/examples/repos/svc||gitops=file:/work/examples/repos/gitops',
    );
  });

  it.each([
    ['a, b, c, d, e, f', 'lists 6 locations, more than the 5 allowed'],
    ['file:relative/path', '"file:relative/path" is a relative file path'],
    [
      'ftp://example.com/x',
      '"ftp://example.com/x" is neither a url:, a file: nor a relative location',
    ],
    ['a=../x, a=../y', 'two locations are labelled "a"'],
    ['bad label=../x', 'the label "bad label" must be letters'],
  ])('refuses %s with a reason', (value, reason) => {
    const source = resolveEntitySource(
      component({
        ...FROM_FILE,
        'container-scorecard.io/extra-sources': value,
      }),
    );
    expect(source).toEqual({
      type: 'invalid',
      reason: expect.stringContaining(reason),
    });
  });
});
