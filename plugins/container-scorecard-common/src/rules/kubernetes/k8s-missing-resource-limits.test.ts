import { findingsFor } from '../../testing';
import { deployment } from './k8sTestFixtures';

const RULE = 'k8s-missing-resource-limits';

const container = (resourceLines: string[]) =>
  deployment([
    'containers:',
    '  - name: app',
    '    image: acme/api:1',
    ...resourceLines.map(l => `    ${l}`),
  ]);

describe('k8s-missing-resource-limits', () => {
  it('flags a container with no resources at its name', async () => {
    const findings = await findingsFor(RULE, container([]), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('app');
    expect(findings[0].message).toContain('no memory limit and no CPU request');
  });

  it('flags a missing memory limit at the limits key', async () => {
    const findings = await findingsFor(
      RULE,
      container([
        'resources:',
        '  requests: { cpu: 100m, memory: 128Mi }',
        '  limits: { cpu: 500m }',
      ]),
      'k8s.yaml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('limits: { cpu: 500m }');
    expect(findings[0].message).toContain('no memory limit:');
  });

  it('flags a missing CPU request', async () => {
    const findings = await findingsFor(
      RULE,
      container(['resources:', '  limits:', '    memory: 256Mi']),
      'k8s.yaml',
    );
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('no CPU request:'),
    ]);
  });

  it.each([
    [
      'a CPU request and a memory limit',
      [
        'resources:',
        '  requests: { cpu: 100m }',
        '  limits: { memory: 256Mi }',
      ],
    ],
    [
      'a CPU limit only, which Kubernetes copies to the request',
      ['resources:', '  limits: { cpu: "1", memory: 1Gi }'],
    ],
    [
      'numeric quantities',
      [
        'resources:',
        '  requests: { cpu: 0.5 }',
        '  limits: { memory: 1073741824 }',
      ],
    ],
  ])('does not flag %s', async (_name, resourceLines) => {
    expect(
      await findingsFor(RULE, container(resourceLines), 'k8s.yaml'),
    ).toEqual([]);
  });

  it('treats zero quantities as unset, and checks init containers', async () => {
    const content = deployment([
      'initContainers:',
      '  - name: init',
      '    image: busybox:1.36',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    resources: { requests: { cpu: "0" }, limits: { memory: 0Mi } }',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('initContainer "init"'),
      expect.stringContaining('Container "app"'),
    ]);
  });
});
