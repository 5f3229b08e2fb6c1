import { defineRule } from '../framework/defineRule';
import {
  containerAnchor,
  containerLabel,
  containerSecurityContext,
  declaredContainers,
  isWindowsPod,
} from './k8sHelpers';

/** Flags containers whose root filesystem is writable (`readOnlyRootFilesystem` not true). */
export const k8sWritableRootFilesystem = defineRule({
  id: 'k8s-writable-root-filesystem',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container root filesystem is writable',
  message:
    'This container can write to its root filesystem: set `readOnlyRootFilesystem: true` and mount what must be writable.',
  rationale:
    'The image is the artefact that was built and tested; a running container should not be able to change it. A read-only root filesystem stops an intruder from dropping binaries or editing the application in place, and makes hidden state visible: anything the process must write goes to an emptyDir or a volume declared in the manifest, instead of quietly disappearing with the pod.',
  remediation: {
    description:
      'Set `readOnlyRootFilesystem: true` in the container securityContext (a container-level field) and mount an emptyDir where the process writes scratch files.',
    before: 'containers:\n  - name: app\n    image: acme/app:1.4',
    after:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - name: tmp\n        mountPath: /tmp\nvolumes:\n  - name: tmp\n    emptyDir: {}',
  },
  equivalents: {
    kubeLinter: 'no-read-only-root-fs',
    polaris: 'notReadOnlyRootFilesystem',
    checkov: 'CKV_K8S_22',
    kubeScore: 'container-security-context-readonlyrootfilesystem',
    trivy: 'KSV-0014',
    kics: 'Root Container Not Mounted As Read-only',
  },
  equivalentLinks: {
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=no-read-only-root-fs',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/notReadOnlyRootFilesystem.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/ReadOnlyFilesystem.py',
    kubeScore:
      'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
    trivy: 'https://avd.aquasec.com/misconfig/ksv014',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/a9c2f49d-0671-4fc9-9ece-f4e261e128d0/',
  },
  equivalentsNote:
    'Same test as the peers: `readOnlyRootFilesystem` not set to true. Windows pods are skipped: Windows containers do not support a read-only root filesystem.',
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (isWindowsPod(workload)) return [];
      return declaredContainers(workload).flatMap(container => {
        const value =
          containerSecurityContext(container).readOnlyRootFilesystem;
        if (value === true) return [];
        const label = containerLabel(workload, container);
        const explicit =
          value !== undefined
            ? container.locate(['securityContext', 'readOnlyRootFilesystem'])
                ?.pairRange
            : undefined;
        return [
          {
            range: explicit ?? containerAnchor(container),
            message: explicit
              ? `${label} sets \`readOnlyRootFilesystem\` to ${String(
                  value,
                )}: its root filesystem is writable.`
              : `${label} does not set \`readOnlyRootFilesystem: true\`: its root filesystem is writable.`,
          },
        ];
      });
    });
  },
});
