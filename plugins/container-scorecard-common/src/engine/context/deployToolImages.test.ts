import {
  MAX_SKAFFOLD_BYTES,
  deployToolImagesOf,
  skaffoldArtifactImages,
} from './deployToolImages';

const MULTI_DOC = [
  'apiVersion: skaffold/v4beta6',
  'kind: Config',
  'metadata:',
  '  name: app',
  'build:',
  '  artifacts:',
  '    - image: frontend',
  '      context: src/frontend',
  '    - image: gcr.io/acme/adservice',
  'profiles:',
  '  - name: gcb',
  '    build:',
  '      artifacts:',
  '        - image: loadgenerator',
  '---',
  'apiVersion: skaffold/v2beta29',
  'kind: Config',
  'build:',
  '  artifacts:',
  '    - image: cartservice',
  '---',
  '# a Kubernetes object in the same stream is not a Skaffold Config',
  'apiVersion: v1',
  'kind: Config',
  'build:',
  '  artifacts:',
  '    - image: not-skaffold',
].join('\n');

describe('skaffoldArtifactImages', () => {
  it('reads build.artifacts[].image of every Config document and of its profiles', () => {
    expect(skaffoldArtifactImages(MULTI_DOC)).toEqual([
      'frontend',
      'gcr.io/acme/adservice',
      'loadgenerator',
      'cartservice',
    ]);
  });

  it('ignores other kinds, artifacts without a string image, and odd shapes', () => {
    const content = [
      'apiVersion: skaffold/v4beta6',
      'kind: Plugin',
      'build: {artifacts: [{image: plugin}]}',
      '---',
      'apiVersion: skaffold/v4beta6',
      'kind: Config',
      'build: {artifacts: [{image: 3}, {context: x}, "str", {image: "  "}]}',
      'profiles: [null, {name: p, build: {artifacts: {image: notalist}}}]',
    ].join('\n');
    expect(skaffoldArtifactImages(content)).toEqual([]);
  });

  it('ignores malformed YAML without throwing, keeping the documents that parse', () => {
    expect(skaffoldArtifactImages('build: [unclosed\n  - : :')).toEqual([]);
    const partly = [
      'apiVersion: skaffold/v4beta6',
      'kind: Config',
      'build: {artifacts: [{image: good}]}',
      '---',
      'apiVersion: skaffold/v4beta6',
      'kind: Config',
      'build: {artifacts: [{image: bad}',
    ].join('\n');
    expect(skaffoldArtifactImages(partly)).toEqual(['good']);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = [
      'apiVersion: skaffold/v4beta6',
      'kind: Config',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'build: {artifacts: [{image: bombed}]}',
    ].join('\n');
    expect(skaffoldArtifactImages(bomb)).toEqual([]);
  });
});

describe('deployToolImagesOf', () => {
  it('reads skaffold.yaml and skaffold.yml anywhere in the repository, and nothing else', () => {
    const images = deployToolImagesOf([
      { path: 'skaffold.yaml', content: MULTI_DOC },
      {
        path: 'examples/app/skaffold.yml',
        content:
          'apiVersion: skaffold/v1\nkind: Config\nbuild: {artifacts: [{image: example}]}',
      },
      {
        path: 'k8s/not-skaffold.yaml',
        content:
          'apiVersion: skaffold/v1\nkind: Config\nbuild: {artifacts: [{image: elsewhere}]}',
      },
      { path: 'skaffold.yaml.bak', content: MULTI_DOC },
      { path: 'other/skaffold.yaml' }, // listed without content: nothing to read
    ]);
    expect([...images].sort()).toEqual([
      'cartservice',
      'example',
      'frontend',
      'gcr.io/acme/adservice',
      'loadgenerator',
    ]);
  });

  it('skips a file above the size bound without parsing it', () => {
    const padding = `# ${'x'.repeat(MAX_SKAFFOLD_BYTES)}\n`;
    const images = deployToolImagesOf([
      { path: 'skaffold.yaml', content: `${MULTI_DOC}\n${padding}` },
    ]);
    expect(images.size).toBe(0);
  });
});
