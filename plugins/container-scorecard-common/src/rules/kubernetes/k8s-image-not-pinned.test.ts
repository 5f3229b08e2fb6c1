import { findingsFor } from '../../testing';
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
    expect(findings[1].message).toContain('"latest" moves');
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
    [
      'a Windows image with a tag',
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ],
  ])('does not flag %s', async (_name, image) => {
    const spec = ['containers:', '  - name: a', `    image: ${image}`];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
  });
});
