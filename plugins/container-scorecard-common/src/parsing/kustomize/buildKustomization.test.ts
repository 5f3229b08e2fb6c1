import {
  buildKustomization,
  type KustomizeBuildResult,
} from './buildKustomization';
import { findKustomizeUnits } from './findKustomizeUnits';
import type { KustomizeResource, TrackedNode } from './kustomizeTypes';
import { toPlain } from './trackedYaml';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const BASE_DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  '  labels:',
  '    app: api',
  'spec:',
  '  replicas: 1',
  '  selector:',
  '    matchLabels:',
  '      app: api',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: api',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: ghcr.io/acme/api:1.4.2',
  '          ports:',
  '            - containerPort: 8080',
  '          env:',
  '            - name: LOG_LEVEL',
  '              value: info',
  '        - name: proxy',
  '          image: envoyproxy/envoy:v1.31.0',
);

const BASE_SERVICE = lines(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: api',
  'spec:',
  '  selector:',
  '    app: api',
  '  ports:',
  '    - port: 80',
  '      targetPort: 8080',
);

const BASE = {
  'deploy/base/kustomization.yaml': lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - deployment.yaml',
    '  - service.yaml',
  ),
  'deploy/base/deployment.yaml': BASE_DEPLOYMENT,
  'deploy/base/service.yaml': BASE_SERVICE,
};

function repo(files: Record<string, string>) {
  return new Map(Object.entries(files));
}

function built(result: KustomizeBuildResult) {
  if (result.status !== 'built') throw new Error(result.reason);
  return result;
}

function plain(resources: readonly KustomizeResource[]) {
  return resources.map(r => toPlain(r.node)) as any[];
}

function nodeAt(node: TrackedNode, ...path: (string | number)[]) {
  let current: TrackedNode | undefined = node;
  for (const step of path) {
    if (current?.type === 'map') current = current.entries.get(String(step));
    else if (current?.type === 'seq') current = current.items[Number(step)];
    else current = undefined;
  }
  if (!current) throw new Error(`nothing at ${path.join('.')}`);
  return current;
}

const CONTAINERS = ['spec', 'template', 'spec', 'containers'] as const;

describe('buildKustomization', () => {
  it('builds a base as written', () => {
    const result = built(buildKustomization(repo(BASE), 'deploy/base'));
    expect(
      plain(result.resources).map(r => `${r.kind}/${r.metadata.name}`),
    ).toEqual(['Deployment/api', 'Service/api']);
    expect(result.files.sort()).toEqual(Object.keys(BASE).sort());
    expect(result.resources[0].sourcePath).toBe('deploy/base/deployment.yaml');
  });

  it('merges a patchesStrategicMerge file into containers by name, pointing into the patch', () => {
    const patch = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          securityContext:',
      '            runAsNonRoot: true',
      '            readOnlyRootFilesystem: true',
      '          env:',
      '            - name: LOG_LEVEL',
      '              value: warn',
      '            - name: REGION',
      '              value: eu-west-1',
    );
    const result = built(
      buildKustomization(
        repo({
          ...BASE,
          'deploy/overlays/prod/kustomization.yaml': lines(
            'resources:',
            '  - ../../base',
            'patchesStrategicMerge:',
            '  - security.yaml',
          ),
          'deploy/overlays/prod/security.yaml': patch,
        }),
        'deploy/overlays/prod',
      ),
    );
    const [deployment] = plain(result.resources);
    expect(deployment.spec.template.spec.containers).toEqual([
      {
        name: 'api',
        image: 'ghcr.io/acme/api:1.4.2',
        ports: [{ containerPort: 8080 }],
        env: [
          { name: 'LOG_LEVEL', value: 'warn' },
          { name: 'REGION', value: 'eu-west-1' },
        ],
        securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true },
      },
      { name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' },
    ]);
    const node = result.resources[0].node;
    expect(
      nodeAt(node, ...CONTAINERS, 0, 'securityContext', 'runAsNonRoot').origin,
    ).toEqual({
      path: 'deploy/overlays/prod/security.yaml',
      range: { start: { line: 11, column: 13 }, end: { line: 11, column: 31 } },
    });
    expect(nodeAt(node, ...CONTAINERS, 0, 'image').origin?.path).toBe(
      'deploy/base/deployment.yaml',
    );
    expect(
      nodeAt(node, ...CONTAINERS, 0, 'image').origin?.range.start.line,
    ).toBe(19);
    expect(result.files).toContain('deploy/overlays/prod/security.yaml');
  });

  it('applies patches: inline strategic merge with a label selector, JSON 6902 from a file', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/prod/kustomization.yaml': lines(
        'resources:',
        '  - ../../base',
        'patches:',
        '  - target:',
        '      kind: Deployment',
        '      labelSelector: app=api',
        '    patch: |-',
        '      apiVersion: apps/v1',
        '      kind: Deployment',
        '      metadata:',
        '        name: ignored-with-a-target',
        '      spec:',
        '        template:',
        '          spec:',
        '            automountServiceAccountToken: false',
        '  - path: replicas.yaml',
        '    target:',
        '      group: apps',
        '      version: v1',
        '      kind: Deployment',
        '      name: api',
      ),
      'deploy/overlays/prod/replicas.yaml': lines(
        '- op: replace',
        '  path: /spec/replicas',
        '  value: 3',
        '- op: add',
        '  path: /spec/template/spec/containers/0/resources',
        '  value:',
        '    limits:',
        '      memory: 256Mi',
        '- op: remove',
        '  path: /spec/template/spec/containers/1',
      ),
    });
    const result = built(buildKustomization(files, 'deploy/overlays/prod'));
    const [deployment] = plain(result.resources);
    expect(deployment.metadata.name).toBe('api');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(
      false,
    );
    expect(deployment.spec.template.spec.containers).toEqual([
      {
        name: 'api',
        image: 'ghcr.io/acme/api:1.4.2',
        ports: [{ containerPort: 8080 }],
        env: [{ name: 'LOG_LEVEL', value: 'info' }],
        resources: { limits: { memory: '256Mi' } },
      },
    ]);
    const node = result.resources[0].node;
    // The inline patch's line, in the kustomization file.
    expect(
      nodeAt(node, 'spec', 'template', 'spec', 'automountServiceAccountToken')
        .origin,
    ).toMatchObject({
      path: 'deploy/overlays/prod/kustomization.yaml',
      range: { start: { line: 15, column: 13 } },
    });
    expect(nodeAt(node, 'spec', 'replicas').origin).toMatchObject({
      path: 'deploy/overlays/prod/replicas.yaml',
      range: { start: { line: 3 } },
    });
  });

  it('applies legacy patchesJson6902 after the name prefix, as kustomize orders them', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/dev/kustomization.yaml': lines(
        'resources: [../../base]',
        'namePrefix: dev-',
        'patchesJson6902:',
        '  - target: {group: apps, version: v1, kind: Deployment, name: api}',
        '    patch: |-',
        '      - op: add',
        '        path: /spec/template/spec/containers/0/args',
        '        value: ["--debug"]',
      ),
    });
    const [deployment] = plain(
      built(buildKustomization(files, 'deploy/overlays/dev')).resources,
    );
    expect(deployment.metadata.name).toBe('dev-api');
    expect(deployment.spec.template.spec.containers[0].args).toEqual([
      '--debug',
    ]);
  });

  it('pins images with newName, newTag and digest', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/prod/kustomization.yaml': lines(
        'resources:',
        '  - ../../base',
        'images:',
        '  - name: ghcr.io/acme/api',
        '    newName: registry.acme.io/api',
        '    digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        '  - name: envoyproxy/envoy',
        '    newTag: v1.32.1',
        '  - name: nginx',
        '    newTag: "1.27"',
      ),
    });
    const result = built(buildKustomization(files, 'deploy/overlays/prod'));
    const containers = plain(result.resources)[0].spec.template.spec.containers;
    expect(containers.map((c: any) => c.image)).toEqual([
      'registry.acme.io/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'envoyproxy/envoy:v1.32.1',
    ]);
    expect(
      nodeAt(result.resources[0].node, ...CONTAINERS, 0, 'image').origin,
    ).toMatchObject({
      path: 'deploy/overlays/prod/kustomization.yaml',
      range: { start: { line: 6 } },
    });
  });

  it('renames, labels, annotates and sets the namespace', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/staging/kustomization.yaml': lines(
        'resources:',
        '  - ../../base',
        'namespace: staging',
        'namePrefix: staging-',
        'nameSuffix: -v2',
        'commonLabels:',
        '  env: staging',
        'labels:',
        '  - pairs:',
        '      team: payments',
        'commonAnnotations:',
        '  owner: payments@acme.io',
      ),
    });
    const [deployment, service] = plain(
      built(buildKustomization(files, 'deploy/overlays/staging')).resources,
    );
    expect(deployment.metadata).toEqual({
      name: 'staging-api-v2',
      labels: { app: 'api', team: 'payments', env: 'staging' },
      namespace: 'staging',
      annotations: { owner: 'payments@acme.io' },
    });
    expect(deployment.spec.selector.matchLabels).toEqual({
      app: 'api',
      env: 'staging',
    });
    expect(deployment.spec.template.metadata).toEqual({
      labels: { app: 'api', env: 'staging' },
      annotations: { owner: 'payments@acme.io' },
    });
    expect(service.metadata.name).toBe('staging-api-v2');
    expect(service.spec.selector).toEqual({ app: 'api', env: 'staging' });
  });

  it('adds labels to selectors and templates only when asked, and targets by wildcard and annotation', () => {
    const files = repo({
      ...BASE,
      'k/kustomization.yaml': lines(
        'resources: [../deploy/base]',
        'commonAnnotations: {team: payments}',
        'labels:',
        '  - pairs: {tier: backend}',
        '    includeTemplates: true',
        '  - pairs: {release: stable}',
        '    includeSelectors: true',
        'patchesJson6902:',
        '  - target: {kind: Deploy.*|Job, name: a.*, annotationSelector: team=payments}',
        '    patch: |-',
        '      - op: add',
        '        path: /spec/paused',
        '        value: true',
      ),
    });
    const [deployment, service] = plain(
      built(buildKustomization(files, 'k')).resources,
    );
    expect(deployment.metadata.labels).toEqual({
      app: 'api',
      tier: 'backend',
      release: 'stable',
    });
    expect(deployment.spec.selector.matchLabels).toEqual({
      app: 'api',
      release: 'stable',
    });
    expect(deployment.spec.template.metadata.labels).toEqual({
      app: 'api',
      tier: 'backend',
      release: 'stable',
    });
    expect(service.spec.selector).toEqual({ app: 'api', release: 'stable' });
    // patchesJson6902 runs after commonAnnotations (patches run before), so its selector sees them.
    expect(deployment.spec.paused).toBe(true);
    expect(service.spec.paused).toBeUndefined();
  });

  it('lets an overlay patch a base object by the name it had before the base renamed it', () => {
    const files = repo({
      ...BASE,
      'deploy/base/kustomization.yaml': lines(
        'resources: [deployment.yaml, service.yaml]',
        'namePrefix: shop-',
      ),
      'deploy/overlays/prod/kustomization.yaml': lines(
        'resources: [../../base]',
        'patches:',
        '  - patch: |-',
        '      apiVersion: apps/v1',
        '      kind: Deployment',
        '      metadata: {name: api}',
        '      spec: {replicas: 4}',
      ),
    });
    const [deployment] = plain(
      built(buildKustomization(files, 'deploy/overlays/prod')).resources,
    );
    expect(deployment.metadata.name).toBe('shop-api');
    expect(deployment.spec.replicas).toBe(4);
  });

  it('adds a container a patch names that the base does not have, and says so', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/prod/kustomization.yaml': lines(
        'resources: [../../base]',
        'patchesStrategicMerge: [sidecar.yaml]',
      ),
      'deploy/overlays/prod/sidecar.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: apii',
        '          securityContext: {privileged: false}',
      ),
    });
    const result = built(buildKustomization(files, 'deploy/overlays/prod'));
    expect(
      plain(result.resources)[0].spec.template.spec.containers.map(
        (c: any) => c.name,
      ),
    ).toEqual(['api', 'proxy', 'apii']);
    expect(plain(result.resources)[0].spec.template.spec.containers[2]).toEqual(
      {
        name: 'apii',
        securityContext: { privileged: false },
      },
    );
    expect(result.notes).toEqual([
      'deploy/overlays/prod/sidecar.yaml: the patch names containers element apii, which the object does not have; kustomize adds it as a new element.',
    ]);
  });

  it('honours $patch: delete and $patch: replace', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/prod/kustomization.yaml': lines(
        'resources: [../../base]',
        'patchesStrategicMerge: [trim.yaml, no-service.yaml]',
      ),
      'deploy/overlays/prod/trim.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api}',
        'spec:',
        '  template:',
        '    metadata:',
        '      labels:',
        '        $patch: replace',
        '        tier: web',
        '    spec:',
        '      containers:',
        '        - name: proxy',
        '          $patch: delete',
        '        - name: api',
        '          env:',
        '            - $patch: replace',
        '            - {name: MODE, value: prod}',
      ),
      'deploy/overlays/prod/no-service.yaml': lines(
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: api}',
        '$patch: delete',
      ),
    });
    const resources = plain(
      built(buildKustomization(files, 'deploy/overlays/prod')).resources,
    );
    expect(resources.map(r => r.kind)).toEqual(['Deployment']);
    expect(resources[0].spec.template.metadata.labels).toEqual({ tier: 'web' });
    expect(resources[0].spec.template.spec.containers).toEqual([
      {
        name: 'api',
        image: 'ghcr.io/acme/api:1.4.2',
        ports: [{ containerPort: 8080 }],
        env: [{ name: 'MODE', value: 'prod' }],
      },
    ]);
  });

  it('replaces lists without a merge key (args, tolerations) and deletes keys set to null', () => {
    const files = repo({
      'app/deployment.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: w}',
        'spec:',
        '  template:',
        '    spec:',
        '      tolerations: [{key: a}]',
        '      containers:',
        '        - name: w',
        '          image: w:1',
        '          args: [--a, --b]',
        '          securityContext: {privileged: true, runAsUser: 0}',
      ),
      'app/kustomization.yaml': lines(
        'resources: [deployment.yaml]',
        'patches:',
        '  - patch: |',
        '      kind: Deployment',
        '      apiVersion: apps/v1',
        '      metadata: {name: w}',
        '      spec:',
        '        template:',
        '          spec:',
        '            tolerations: [{key: b}]',
        '            containers:',
        '              - name: w',
        '                args: [--c]',
        '                securityContext: {privileged: null}',
      ),
    });
    const [deployment] = plain(
      built(buildKustomization(files, 'app')).resources,
    );
    expect(deployment.spec.template.spec).toEqual({
      tolerations: [{ key: 'b' }],
      containers: [
        {
          name: 'w',
          image: 'w:1',
          args: ['--c'],
          securityContext: { runAsUser: 0 },
        },
      ],
    });
  });

  describe('gives a clear reason', () => {
    it.each([
      [
        'a missing resource file',
        { 'k/kustomization.yaml': lines('resources: [deployment.yaml]') },
        'Kustomize resource deployment.yaml of k does not exist (k/deployment.yaml is not in the repository).',
      ],
      [
        'a missing patch file',
        {
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base]',
            'patchesStrategicMerge: [gone.yaml]',
          ),
        },
        'Kustomize patch gone.yaml of k/kustomization.yaml does not exist (k/gone.yaml is not in the repository).',
      ],
      [
        'a remote resource',
        {
          'k/kustomization.yaml': lines(
            'resources:',
            '  - github.com/acme/platform//deploy/base?ref=v1.2.0',
          ),
        },
        'Kustomize resource github.com/acme/platform//deploy/base?ref=v1.2.0 is remote and was not read: only files of this repository are built.',
      ],
      [
        'a resource outside the repository',
        { 'k/kustomization.yaml': lines('resources: [../../elsewhere]') },
        'Kustomize resource ../../elsewhere of k is outside the repository and was not read.',
      ],
      [
        'helmCharts',
        {
          'k/kustomization.yaml': lines(
            'helmCharts:',
            '  - name: redis',
            '    repo: https://charts.bitnami.com/bitnami',
          ),
        },
        'Kustomize feature helmCharts is not supported (k/kustomization.yaml).',
      ],
      [
        'transformer plugins',
        { 'k/kustomization.yaml': lines('transformers: [tx.yaml]') },
        'Kustomize feature transformers is not supported (k/kustomization.yaml).',
      ],
      [
        'components',
        { 'k/kustomization.yaml': lines('components: [../c]') },
        'Kustomize feature components is not supported (k/kustomization.yaml).',
      ],
      [
        'a patch naming an object the overlay does not have',
        {
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base]',
            'patches:',
            '  - patch: |-',
            '      apiVersion: apps/v1',
            '      kind: Deployment',
            '      metadata: {name: web}',
          ),
        },
        'an inline patch of k/kustomization.yaml: the patch targets Deployment web, which k does not define (kustomize: no matches for the patch).',
      ],
      [
        'a JSON patch on a path that does not exist',
        {
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base]',
            'patches:',
            '  - target: {kind: Deployment}',
            '    patch: |-',
            '      - op: replace',
            '        path: /spec/template/spec/containers/5/image',
            '        value: x',
          ),
        },
        'an inline patch of k/kustomization.yaml: JSON 6902 "replace" at "/spec/template/spec/containers/5/image" failed: the path does not exist.',
      ],
      [
        'an object defined twice',
        {
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base, ../deploy/base/service.yaml]',
          ),
        },
        'deploy/base/service.yaml: Service/api is defined twice in k (kustomize refuses an already registered id).',
      ],
      [
        'a regular expression target',
        {
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base]',
            'patches:',
            '  - target: {name: "(a+)+$"}',
            '    patch: "[]"',
          ),
        },
        'Kustomize target pattern "(a+)+$" is not supported: only names, ".*" wildcards and "|" alternatives are.',
      ],
    ])('%s', (_name, files, reason) => {
      const result = buildKustomization(repo(files), 'k');
      expect(result).toMatchObject({ status: 'failed', reason });
    });

    it('for a cycle between kustomizations', () => {
      const result = buildKustomization(
        repo({
          'a/kustomization.yaml': lines('resources: [../b]'),
          'b/kustomization.yaml': lines('resources: [../c]'),
          'c/kustomization.yaml': lines('resources: [../a]'),
        }),
        'a',
      );
      expect(result).toMatchObject({
        status: 'failed',
        reason: 'Kustomization cycle: a → b → c → a.',
      });
    });

    it('for a kustomization including itself', () => {
      const result = buildKustomization(
        repo({ 'a/kustomization.yaml': lines('resources: [.]') }),
        'a',
      );
      expect(result).toMatchObject({
        status: 'failed',
        reason: 'Kustomization cycle: a → a.',
      });
    });

    it('for bases nested deeper than the limit', () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 30; i++)
        files[`l${i}/kustomization.yaml`] = lines(`resources: [../l${i + 1}]`);
      files['l30/kustomization.yaml'] = lines('resources: []');
      expect(buildKustomization(repo(files), 'l0')).toMatchObject({
        status: 'failed',
        reason: 'Kustomizations nest deeper than 20 levels (l20).',
      });
    });

    it('for a build past its work budget, in bounded time', () => {
      // A diamond of 18 levels includes the same base 2^18 times by different paths.
      const files: Record<string, string> = {
        'd18/kustomization.yaml': lines('resources: [deployment.yaml]'),
        'd18/deployment.yaml': BASE_DEPLOYMENT,
      };
      for (let i = 0; i < 18; i++)
        files[`d${i}/kustomization.yaml`] = lines(
          `resources: [../d${i + 1}, ../d${i + 1}x]`,
        );
      for (let i = 1; i <= 18; i++)
        files[`d${i}x/kustomization.yaml`] = lines(
          `resources: [../d${i}]`,
          `nameSuffix: -x${i}`,
        );
      const started = Date.now();
      const result = buildKustomization(repo(files), 'd0', {
        limits: { maxDepth: 40 },
      });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(
          /too large to analyse|more than 2000 objects/,
        ),
      });
    });

    it('for a resource whose aliases expand exponentially', () => {
      const laughs = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 10; i++)
        laughs.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      const started = Date.now();
      const result = buildKustomization(
        repo({
          'k/kustomization.yaml': lines('resources: [cm.yaml]'),
          'k/cm.yaml': lines(
            'apiVersion: v1',
            'kind: ConfigMap',
            'metadata: {name: lol}',
            'data:',
            ...laughs.map(l => `  ${l}`),
          ),
        }),
        'k',
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result).toMatchObject({
        status: 'failed',
        reason: expect.stringContaining('too large to analyse'),
      });
    });

    it('for YAML nested deeper than any object', () => {
      const result = buildKustomization(
        repo({
          'k/kustomization.yaml': lines('resources: [deep.yaml]'),
          'k/deep.yaml': `${'['.repeat(100)}${']'.repeat(100)}\n`,
        }),
        'k',
      );
      expect(result).toMatchObject({
        status: 'failed',
        reason:
          'k/deep.yaml: YAML nests deeper than 64 levels; no Kubernetes object is nested like that.',
      });
    });

    it('for a huge patch list', () => {
      const patches = Array.from({ length: 1001 }, () => '  - {path: p.yaml}');
      const result = buildKustomization(
        repo({
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base]',
            'patches:',
            ...patches,
          ),
          'k/p.yaml': lines(
            'apiVersion: v1',
            'kind: Service',
            'metadata: {name: api}',
          ),
        }),
        'k',
      );
      expect(result).toMatchObject({
        status: 'failed',
        reason:
          '"patches" lists 1001 entries, more than the 1000 a kustomization may list here.',
      });
    });
  });

  it('ignores generators with a note', () => {
    const result = built(
      buildKustomization(
        repo({
          ...BASE,
          'k/kustomization.yaml': lines(
            'resources: [../deploy/base]',
            'configMapGenerator:',
            '  - name: settings',
            '    literals: [A=1]',
          ),
        }),
        'k',
      ),
    );
    expect(result.notes).toEqual([
      'k/kustomization.yaml: configMapGenerator is not built: generated ConfigMaps run no containers, so they do not change the score.',
    ]);
  });
});

describe('findKustomizeUnits', () => {
  const overlay = (env: string, replicas: number) =>
    lines(
      'resources:',
      '  - ../../base',
      `namespace: ${env}`,
      'patches:',
      '  - path: replicas.yaml',
      `# ${replicas} replicas in ${env}`,
    );
  const replicasPatch = (replicas: number) =>
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      `  replicas: ${replicas}`,
    );

  it('builds the leaf overlays of a base shared by two, never the base on its own', () => {
    const files = repo({
      ...BASE,
      'deploy/overlays/dev/kustomization.yaml': overlay('dev', 1),
      'deploy/overlays/dev/replicas.yaml': replicasPatch(1),
      'deploy/overlays/prod/kustomization.yaml': overlay('prod', 3),
      'deploy/overlays/prod/replicas.yaml': replicasPatch(3),
      'deploy/overlays/prod/notes.yaml': 'not: used\n',
    });
    const units = findKustomizeUnits(files);
    expect(units.map(u => u.build.directory)).toEqual([
      'deploy/overlays/dev',
      'deploy/overlays/prod',
    ]);
    const [dev, prod] = units.map(u => plain(built(u.build).resources));
    expect(dev[0].metadata.namespace).toBe('dev');
    expect(dev[0].spec.replicas).toBe(1);
    expect(prod[0].metadata.namespace).toBe('prod');
    expect(prod[0].spec.replicas).toBe(3);
    expect(units[1].sourcePaths).toEqual([
      'deploy/base/deployment.yaml',
      'deploy/base/kustomization.yaml',
      'deploy/base/service.yaml',
      'deploy/overlays/prod/kustomization.yaml',
      'deploy/overlays/prod/replicas.yaml',
    ]);
  });

  it('reads flow-style lists when telling overlays from bases', () => {
    const units = findKustomizeUnits(
      repo({
        ...BASE,
        'deploy/overlays/dev/kustomization.yaml': lines(
          'resources: [../../base]',
          'patches: [{path: replicas.yaml}]',
        ),
        'deploy/overlays/dev/replicas.yaml': replicasPatch(1),
      }),
    );
    expect(units.map(u => u.build.directory)).toEqual(['deploy/overlays/dev']);
    expect(units[0].sourcePaths).toContain('deploy/overlays/dev/replicas.yaml');
  });

  it('builds a lone kustomization, and a cycle of kustomizations to say why', () => {
    const units = findKustomizeUnits(
      repo({
        ...BASE,
        'a/kustomization.yaml': lines('resources: [../b]'),
        'b/kustomization.yaml': lines('resources: [../a]'),
      }),
    );
    expect(
      units.map(u => [
        u.build.directory,
        u.build.status === 'failed' ? u.build.reason : 'built',
      ]),
    ).toEqual([
      // One result for the cycle: building a reaches b, whose files it claims too.
      ['a', 'Kustomization cycle: a → b → a.'],
      ['deploy/base', 'built'],
    ]);
  });

  it('keeps the files an overlay names even when its build stops early', () => {
    const [unit] = findKustomizeUnits(
      repo({
        ...BASE,
        'o/kustomization.yaml': lines(
          'resources:',
          '  - https://example.com/remote.yaml',
          '  - ../deploy/base',
          'patchesStrategicMerge:',
          '  - patch.yaml',
        ),
        'o/patch.yaml': replicasPatch(2),
      }),
    );
    expect(unit.build.status).toBe('failed');
    expect(unit.sourcePaths).toEqual([
      'deploy/base/deployment.yaml',
      'deploy/base/kustomization.yaml',
      'deploy/base/service.yaml',
      'o/kustomization.yaml',
      'o/patch.yaml',
    ]);
  });
});
