import { createTestEngine, findingsFor, lines } from '../../testing';
import { deployment, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-image-not-pinned';

describe('k8s-image-not-pinned', () => {
  it('flags latest and untagged images of containers and init containers, at the value', async () => {
    const spec = [
      'initContainers:',
      '  - name: init',
      '    image: busybox',
      'containers:',
      '  - name: app',
      '    image: "acme/api:latest"',
      '  - name: proxy',
      '    image: registry.acme.io:5000/proxy',
      '  - name: ok',
      '    image: acme/ok:1.2.3',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'busybox',
      '"acme/api:latest"',
      'registry.acme.io:5000/proxy',
    ]);
    expect(findings[0].range.start).toEqual({
      line: podSpecLine(2),
      column: 18,
    });
    expect(findings[0].message).toContain('no tag');
    expect(findings[1].message).toContain('on "latest", which moves');
  });

  it.each([
    [
      'a digest',
      'nginx@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7',
    ],
    [
      'latest with a digest',
      'nginx:latest@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7',
    ],
    ['a version tag', 'nginx:1.27-alpine'],
    ['a kustomize/envsubst variable', '$(IMAGE)'],
    // Upper case is not allowed in a repository: a placeholder a deployment step replaces.
    ['an upper-case placeholder', 'THE_IMAGE_NAME'],
    [
      'a Windows image with a tag',
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ],
  ])('does not flag %s', async (_name, image) => {
    const spec = ['containers:', '  - name: a', `    image: ${image}`];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
  });

  it.each([
    ['main', 'acme/api:main'],
    ['nightly', 'rustlang/rust:nightly'],
    ['edge', 'alpine:edge'],
    ['a latest variant', 'acme/api:latest-alpine'],
    ['an upper-case development tag', 'acme/api:MASTER'],
  ])('flags a development tag (%s) by default', async (_name, image) => {
    const spec = ['containers:', '  - name: a', `    image: ${image}`];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('moves');
  });

  it.each([
    ['a release channel', 'nginx:stable-alpine'],
    ['a dated nightly', 'rustlang/rust:nightly-2024-05-01'],
    ['a tag that only contains a development word', 'acme/api:1.4-dev.3'],
  ])('does not flag %s', async (_name, image) => {
    const spec = ['containers:', '  - name: a', `    image: ${image}`];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
  });

  // Istio's gateway chart and injection templates: the injector replaces `auto` with its proxy image.
  it('does not flag the Istio injection placeholder "auto"', async () => {
    const content = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: istio-ingressgateway }',
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        inject.istio.io/templates: gateway',
      '      labels:',
      '        sidecar.istio.io/inject: "true"',
      '    spec:',
      '      containers:',
      '        - name: istio-proxy',
      '          image: auto',
      '        - name: quoted',
      '          image: "auto"',
    );
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });

  async function findingsWith(options: Record<string, unknown>, image: string) {
    const engine = await createTestEngine({
      config: { rules: { [RULE]: { options } } },
    });
    const spec = ['containers:', '  - name: a', `    image: ${image}`];
    return engine
      .analyzeFile({ path: 'k8s.yaml', content: deployment(spec) })
      .findings.filter(f => f.ruleId === RULE);
  }

  it('leaves development tags alone when flagMovingTags is off, but not latest', async () => {
    expect(await findingsWith({ flagMovingTags: false }, 'a:main')).toEqual([]);
    expect(
      await findingsWith({ flagMovingTags: false }, 'a:latest'),
    ).toHaveLength(1);
  });

  it('requires a digest when requireDigest is on', async () => {
    const findings = await findingsWith({ requireDigest: true }, 'nginx:1.27');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('add its digest');
    expect(
      await findingsWith(
        { requireDigest: true },
        'nginx:1.27@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7',
      ),
    ).toEqual([]);
  });
});
