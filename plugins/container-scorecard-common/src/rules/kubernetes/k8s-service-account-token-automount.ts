import type { KubernetesWorkload } from '../../parsing/kubernetes/kubernetesTypes';
import type { YamlDocumentModel } from '../../parsing/yaml/parseYamlDocuments';
import { defineRule } from '../framework/defineRule';
import { isRecord, workloadLabel } from './k8sHelpers';

/** The ServiceAccount a pod uses: `serviceAccountName`, the deprecated `serviceAccount`, or "default". */
function serviceAccountOf(workload: KubernetesWorkload): string {
  const spec = workload.podSpec;
  if (typeof spec.serviceAccountName === 'string')
    return spec.serviceAccountName;
  if (typeof spec.serviceAccount === 'string') return spec.serviceAccount;
  return 'default';
}

/** True when the same file defines that ServiceAccount with `automountServiceAccountToken: false`. */
function accountOptsOut(
  documents: readonly YamlDocumentModel[],
  name: string,
  namespace: string | undefined,
): boolean {
  return documents.some(document => {
    const value = document.value;
    if (!isRecord(value) || value.kind !== 'ServiceAccount') return false;
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    if (metadata.name !== name) return false;
    if (
      namespace !== undefined &&
      metadata.namespace !== undefined &&
      metadata.namespace !== namespace
    )
      return false;
    return value.automountServiceAccountToken === false;
  });
}

/**
 * Flags pods that get a Kubernetes API token mounted without saying so: `automountServiceAccountToken`
 * not false on the pod, nor on its ServiceAccount when the same file defines it.
 */
export const k8sServiceAccountTokenAutomount = defineRule({
  id: 'k8s-service-account-token-automount',
  pillar: 'least-privilege',
  severity: 'low',
  appliesTo: ['kubernetes'],
  title: 'Service account token mounted automatically',
  message:
    'This pod gets a Kubernetes API token mounted automatically: anyone who takes over a container can call the API as its service account.',
  rationale:
    "Unless told otherwise, Kubernetes mounts a token for the pod's service account into every container, at a well-known path. Most applications never talk to the Kubernetes API, but the token is there for whoever gets code execution in the container, who can then act with whatever RBAC the account has been granted (sometimes more than anyone remembers) and probe the API server. Many workloads do need it (operators, controllers, anything using client-go in-cluster config), which is why this finding is low: the point is that mounting it becomes a decision.",
  remediation: {
    description:
      'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount) when the application does not call the Kubernetes API; leave it true, explicitly, when it does, and give the account only the permissions it needs.',
    before:
      'spec:\n  serviceAccountName: api\n  containers:\n    - name: app\n      image: acme/app:1.4',
    after:
      'spec:\n  serviceAccountName: api\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: acme/app:1.4',
  },
  equivalents: {
    checkov: 'CKV_K8S_38',
    kubeLinter: 'automount-service-account-token',
    polaris: 'automountServiceAccountToken',
  },
  equivalentLinks: {
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/ServiceAccountTokens.py',
    kubeLinter:
      'https://github.com/stackrox/kube-linter/blob/main/pkg/builtinchecks/yamls/automount-service-account-token.yaml',
    polaris: 'https://polaris.docs.fairwinds.com/checks/security/',
  },
  equivalentsNote:
    "Checkov (CKV_K8S_38) and kube-linter read only the pod spec. Polaris reports only pods that name a `serviceAccountName` and accepts a ServiceAccount that opts out. This rule reads the pod spec and, when the same file defines the pod's ServiceAccount (named, or `default`) with `automountServiceAccountToken: false`, accepts that. An explicit `true` is reported too: it is still a token in every container, and a waiver records why it is needed.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const setting = workload.podSpec.automountServiceAccountToken;
      if (setting === false) return [];
      const account = serviceAccountOf(workload);
      if (
        setting === undefined &&
        accountOptsOut(file.kubernetes.documents, account, workload.namespace)
      )
        return [];
      const label = workloadLabel(workload);
      if (setting === true) {
        return [
          {
            range:
              workload.locateInPodSpec(['automountServiceAccountToken'])
                ?.pairRange ?? workload.range,
            message: `${label} sets \`automountServiceAccountToken: true\`: every container holds an API token for the service account "${account}". Waive this if the application calls the Kubernetes API.`,
          },
        ];
      }
      return [
        {
          range:
            workload.locateInPodSpec(['serviceAccountName'])?.pairRange ??
            workload.locateInPodSpec(['containers'])?.keyRange ??
            workload.range,
          message: `${label} does not set \`automountServiceAccountToken: false\`: every container gets an API token for the service account "${account}".`,
        },
      ];
    });
  },
});
