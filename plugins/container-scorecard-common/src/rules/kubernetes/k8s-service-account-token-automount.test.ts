// Peer cases ported from Checkov (checkov/kubernetes/checks/resource/k8s/ServiceAccountTokens.py,
// CKV_K8S_38: passes only with `automountServiceAccountToken: false` on the pod spec), kube-linter
// (pkg/builtinchecks/yamls/automount-service-account-token.yaml: absent or true reported) and
// Polaris (checks/automountServiceAccountToken.yaml: a ServiceAccount with
// `automountServiceAccountToken: false` satisfies the pod).
import { findingsFor, lines } from '../../testing';
import { cronJob, deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-service-account-token-automount';
const app = ['containers:', '  - name: app', '    image: app:1'];

describe('k8s-service-account-token-automount', () => {
  it('flags a pod spec that does not opt out, at its service account (Checkov, kube-linter)', async () => {
    const findings = await findingsFor(
      RULE,
      deployment(['serviceAccountName: api', ...app]),
      'k8s.yaml',
    );
    expect(findings.map(f => f.snippet)).toEqual(['serviceAccountName: api']);
    expect(findings[0].message).toContain('service account "api"');
  });

  it('flags the default account at the containers key', async () => {
    const findings = await findingsFor(RULE, cronJob(app), 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['containers']);
    expect(findings[0].message).toContain('"default"');
  });

  it('flags an explicit true (kube-linter)', async () => {
    const findings = await findingsFor(
      RULE,
      pod(['automountServiceAccountToken: true', ...app]),
      'pod.yaml',
    );
    expect(findings.map(f => f.snippet)).toEqual([
      'automountServiceAccountToken: true',
    ]);
    expect(findings[0].message).toContain('Waive this');
  });

  it.each([
    [
      'false on the pod (Checkov)',
      deployment(['automountServiceAccountToken: false', ...app]),
    ],
    [
      'a ServiceAccount in the same file that opts out (Polaris)',
      [
        lines(
          'apiVersion: v1',
          'kind: ServiceAccount',
          'metadata: { name: api }',
          'automountServiceAccountToken: false',
        ),
        deployment(['serviceAccountName: api', ...app]),
      ].join('---\n'),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });

  it('does not accept a ServiceAccount of another name', async () => {
    const content = [
      lines(
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata: { name: other }',
        'automountServiceAccountToken: false',
      ),
      deployment(['serviceAccountName: api', ...app]),
    ].join('---\n');
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toHaveLength(1);
  });
});
