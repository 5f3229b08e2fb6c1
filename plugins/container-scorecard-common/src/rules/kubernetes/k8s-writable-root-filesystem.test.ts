import { findingsFor } from '../../testing';
import { deployment } from './k8sTestFixtures';

const RULE = 'k8s-writable-root-filesystem';

describe('k8s-writable-root-filesystem', () => {
  it('flags unset and false, at the name or the key', async () => {
    const spec = [
      'securityContext:',
      '  readOnlyRootFilesystem: true',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '  - name: cache',
      '    image: redis:7.2',
      '    securityContext:',
      '      readOnlyRootFilesystem: false',
      '  - name: ok',
      '    image: acme/ok:1',
      '    securityContext: { readOnlyRootFilesystem: true }',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    // The pod-level key does not exist in Kubernetes: it does not cover "app".
    expect(findings.map(f => f.snippet)).toEqual([
      'app',
      'readOnlyRootFilesystem: false',
    ]);
    expect(findings[1].message).toContain(
      'Container "cache" of Deployment "api"',
    );
  });

  it('checks init containers', async () => {
    const spec = [
      'initContainers:',
      '  - name: init',
      '    image: busybox:1.36',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    securityContext: { readOnlyRootFilesystem: true }',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('initContainer "init"'),
    ]);
  });
});
