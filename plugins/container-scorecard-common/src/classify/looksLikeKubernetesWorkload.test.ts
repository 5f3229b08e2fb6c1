import { looksLikeKubernetesWorkload } from './looksLikeKubernetesWorkload';

describe('looksLikeKubernetesWorkload', () => {
  it('recognises a workload among the documents of an install manifest', () => {
    const head = [
      'apiVersion: v1',
      'kind: Namespace',
      '---',
      'apiVersion: apps/v1',
      'kind: "Deployment"',
      'metadata:',
      '  name: controller',
    ].join('\n');
    expect(looksLikeKubernetesWorkload(head)).toBe(true);
  });

  it('does not take other YAML for a workload', () => {
    expect(
      looksLikeKubernetesWorkload('apiVersion: v1\nkind: ConfigMap\n'),
    ).toBe(false);
    expect(looksLikeKubernetesWorkload('kind: Deployment\n')).toBe(false);
    expect(
      looksLikeKubernetesWorkload(
        'openapi: 3.0.0\ninfo:\n  kind: Deployment\n',
      ),
    ).toBe(false);
  });
});
