import type {
  KubernetesContainer,
  KubernetesWorkload,
} from '../../parsing/kubernetes/kubernetesTypes';
import type { SourceRange } from '../../model/types';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  containerAnchor,
  containerLabel,
  declaredContainers,
  isRecord,
  isWindowsPod,
  workloadLabel,
} from './k8sHelpers';
import { podAnnotation } from './k8sPodAnnotations';

type Profile =
  | { state: 'confined' }
  | {
      state: 'unconfined';
      range?: SourceRange;
      what: string;
      typeRange?: SourceRange;
    }
  | { state: 'unset' };

const LEGACY_CONFINED = /^(runtime\/default|docker\/default|localhost\/.+)$/;

/** A `seccompProfile` object at `path` of a securityContext. */
function fromField(
  value: unknown,
  locate: (
    path: (string | number)[],
  ) => { range: SourceRange; pairRange: SourceRange } | undefined,
  where: string,
): Profile | undefined {
  if (!isRecord(value)) return undefined;
  const type = value.type;
  if (type === 'RuntimeDefault' || type === 'Localhost')
    return { state: 'confined' };
  if (type === 'Unconfined') {
    return {
      state: 'unconfined',
      range: locate(['securityContext', 'seccompProfile', 'type'])?.pairRange,
      typeRange: locate(['securityContext', 'seccompProfile', 'type'])?.range,
      what: `${where} sets \`seccompProfile.type: Unconfined\``,
    };
  }
  return undefined;
}

function fromAnnotation(
  workload: KubernetesWorkload,
  key: string,
): Profile | undefined {
  const annotation = podAnnotation(workload, key);
  if (!annotation || typeof annotation.value !== 'string') return undefined;
  if (LEGACY_CONFINED.test(annotation.value.trim()))
    return { state: 'confined' };
  if (annotation.value.trim() === 'unconfined') {
    return {
      state: 'unconfined',
      range: annotation.range,
      what: `the annotation \`${key}: unconfined\``,
    };
  }
  return undefined;
}

/** The profile a container runs with: its own field, its annotation, the pod's field, the pod's annotation. */
function effectiveProfile(
  workload: KubernetesWorkload,
  container: KubernetesContainer,
): Profile {
  const own = isRecord(container.value.securityContext)
    ? container.value.securityContext.seccompProfile
    : undefined;
  const pod = isRecord(workload.podSpec.securityContext)
    ? workload.podSpec.securityContext.seccompProfile
    : undefined;
  return (
    fromField(
      own,
      path => container.locate(path),
      containerLabel(workload, container),
    ) ??
    (container.name
      ? fromAnnotation(
          workload,
          `container.seccomp.security.alpha.kubernetes.io/${container.name}`,
        )
      : undefined) ??
    fromField(
      pod,
      path => workload.locateInPodSpec(path),
      workloadLabel(workload),
    ) ??
    fromAnnotation(workload, 'seccomp.security.alpha.kubernetes.io/pod') ?? {
      state: 'unset',
    }
  );
}

/**
 * Flags containers that run without a seccomp filter: `Unconfined` set explicitly (field or legacy
 * annotation), or no profile at all (the kubelet's default is Unconfined unless the node enables
 * SeccompDefault).
 */
export const k8sSeccompUnconfined = defineRule({
  id: 'k8s-seccomp-unconfined',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  fixable: true,
  title: 'Container runs without a seccomp profile',
  message:
    'This container runs without a seccomp profile: every system call of the node kernel is open to it.',
  rationale:
    "A container's processes make system calls straight into the node's kernel, the one kernel every pod on the node shares. The container runtime's default seccomp profile blocks the few dozen calls an application never needs and kernel exploits often do (module loading, kexec, keyrings, new mount namespaces). Kubernetes does not apply it unless asked: a pod with no `seccompProfile` runs Unconfined on most nodes, and `Unconfined` turns it off on purpose.",
  remediation: {
    description:
      "Set `seccompProfile.type: RuntimeDefault` in the pod's `securityContext` (or `Localhost` with a profile written for the application); remove `Unconfined` and the legacy `seccomp.security.alpha.kubernetes.io` annotations.",
    before: 'spec:\n  containers:\n    - name: app\n      image: acme/app:1.4',
    after:
      'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: acme/app:1.4',
  },
  equivalents: {
    trivy: 'KSV-0104',
    checkov: 'CKV_K8S_31',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ksv104',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/Seccomp.py',
  },
  equivalentsNote:
    "Trivy's KSV-0104 reads fields and annotations per container as this rule does. Checkov's CKV_K8S_31 accepts only `RuntimeDefault` (a `Localhost` profile fails there; here it passes, as in the Pod Security Standards) and reads a pod-level setting only. Trivy's KSV-0030 is the same check in the restricted profile. Windows pods, where seccomp does not exist, are not reported. One finding per workload when no container and not the pod set a profile; per container otherwise.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (isWindowsPod(workload)) return [];
      const reports: RuleReport[] = [];
      const unset: KubernetesContainer[] = [];
      const seen = new Set<string>();
      for (const container of workload.containers) {
        const profile = effectiveProfile(workload, container);
        if (profile.state === 'unset') {
          if (container.group !== 'ephemeralContainers') unset.push(container);
          continue;
        }
        if (profile.state !== 'unconfined') continue;
        const range = profile.range ?? containerAnchor(container);
        const key = `${range.start.line}:${range.start.column}`;
        if (seen.has(key)) continue;
        seen.add(key);
        reports.push({
          range,
          message: `${profile.what}: ${containerLabel(
            workload,
            container,
          )} runs with every system call of the node kernel open.`,
          fix: profile.typeRange
            ? [{ range: profile.typeRange, newText: 'RuntimeDefault' }]
            : undefined,
        });
      }
      const declared = declaredContainers(workload);
      if (unset.length > 0 && unset.length === declared.length) {
        reports.push({
          range:
            workload.locateInPodSpec(['securityContext'])?.keyRange ??
            workload.locateInPodSpec(['containers'])?.keyRange ??
            workload.range,
          message: `${workloadLabel(
            workload,
          )} sets no seccomp profile for its pod or its containers: they run Unconfined on nodes without SeccompDefault.`,
        });
      } else {
        for (const container of unset) {
          reports.push({
            range: containerAnchor(container),
            message: `${containerLabel(
              workload,
              container,
            )} has no seccomp profile: it runs Unconfined on nodes without SeccompDefault.`,
          });
        }
      }
      return reports;
    });
  },
});
