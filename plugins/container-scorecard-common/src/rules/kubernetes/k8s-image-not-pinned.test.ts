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
  describe('images a deploy tool builds and pins', () => {
    const SKAFFOLD = lines(
      'apiVersion: skaffold/v4beta6',
      'kind: Config',
      'build:',
      '  artifacts:',
      '    - image: frontend',
      'profiles:',
      '  - name: ci',
      '    build:',
      '      artifacts:',
      '        - image: adservice',
    );
    const spec = [
      'containers:',
      '  - name: web',
      '    image: frontend',
      '  - name: ads',
      '    image: adservice',
      '  - name: tagged',
      '    image: frontend:latest',
      '  - name: cache',
      '    image: redis',
    ];

    async function repositoryFindings(
      files: { path: string; content?: string }[],
    ) {
      const engine = await createTestEngine();
      const result = engine
        .analyzeRepository(files)
        .files.find(f => f.path === 'k8s/app.yaml');
      expect(result?.status).toBe('analysed');
      return result!.findings
        .filter(f => f.ruleId === RULE)
        .map(f => f.snippet);
    }

    it("skips bare names that the repository's skaffold.yaml builds, top level and profiles", async () => {
      expect(
        await repositoryFindings([
          { path: 'skaffold.yaml', content: SKAFFOLD },
          { path: 'k8s/app.yaml', content: deployment(spec) },
        ]),
      ).toEqual(['frontend:latest', 'redis']);
    });

    it('flags the same names without a Skaffold configuration, or alone', async () => {
      expect(
        await repositoryFindings([
          { path: 'k8s/app.yaml', content: deployment(spec) },
        ]),
      ).toEqual(['frontend', 'adservice', 'frontend:latest', 'redis']);
      const alone = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
      expect(alone).toHaveLength(4);
    });

    it('is not thrown off by a malformed skaffold.yaml, which is not reported itself', async () => {
      const engine = await createTestEngine();
      const result = engine.analyzeRepository([
        { path: 'skaffold.yaml', content: 'build: [unclosed' },
        { path: 'k8s/app.yaml', content: deployment(spec) },
      ]);
      expect(result.files.map(f => f.path)).toEqual(['k8s/app.yaml']);
      expect(result.files[0].ruleErrors).toBeUndefined();
      expect(
        result.files[0].findings.filter(f => f.ruleId === RULE),
      ).toHaveLength(4);
    });

    it('never flags ko:// references, with or without a repository', async () => {
      const findings = await findingsFor(
        RULE,
        deployment([
          'containers:',
          '  - name: a',
          '    image: ko://github.com/acme/app/cmd/server',
        ]),
        'k8s.yaml',
      );
      expect(findings).toEqual([]);
    });
  });
});
