import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import {
  asInteger,
  containerLabel,
  containerSecurityContext,
  isRecord,
  isWindowsPod,
  workloadLabel,
} from './k8sHelpers';

/**
 * Flags the root group (GID 0): `runAsGroup: 0` in a container's or the pod's securityContext,
 * `fsGroup: 0`, or 0 in `supplementalGroups`.
 */
export const k8sRootGroup = defineRule({
  id: 'k8s-root-group',
  pillar: 'least-privilege',
  severity: 'low',
  appliesTo: ['kubernetes'],
  title: 'Pod runs with the root group',
  message:
    'This pod runs its processes with group 0 (root): they can use every file the root group can.',
  rationale:
    "A container's processes carry a user and groups the node's kernel checks on every file access, inside the image and on every volume. Group 0 is the root group: many files in images and on nodes are group-writable by it (on purpose, for OpenShift-style arbitrary UIDs, or by accident), so a process with GID 0 can change what a non-root process should not. A dedicated non-zero group grants exactly the files the application owns.",
  remediation: {
    description:
      'Use a non-zero group for `runAsGroup` and `fsGroup` (the same as the user is a good default) and remove 0 from `supplementalGroups`.',
    before:
      'securityContext:\n  runAsUser: 10001\n  runAsGroup: 0\n  fsGroup: 0',
    after:
      'securityContext:\n  runAsUser: 10001\n  runAsGroup: 10001\n  fsGroup: 10001',
  },
  equivalents: { trivy: 'KSV-0116' },
  equivalentLinks: { trivy: 'https://avd.aquasec.com/misconfig/ksv116' },
  equivalentsNote:
    "Same settings as Trivy's KSV-0116 (container and pod `runAsGroup`, `fsGroup`, `supplementalGroups`), reported at each setting rather than once per workload; a container whose own `runAsGroup` is non-zero is not blamed for the pod's. Windows pods, where GIDs do not apply, are not reported.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (isWindowsPod(workload)) return [];
      const reports: RuleReport[] = [];
      const pod = isRecord(workload.podSpec.securityContext)
        ? workload.podSpec.securityContext
        : {};
      const label = workloadLabel(workload);
      const at = (key: string, index?: number) =>
        workload.locateInPodSpec(
          index === undefined
            ? ['securityContext', key]
            : ['securityContext', key, index],
        )?.[index === undefined ? 'pairRange' : 'range'] ?? workload.range;
      if (asInteger(pod.runAsGroup) === 0) {
        // The pod's group applies only to containers that do not set their own.
        const inheriting = workload.containers.filter(
          c => containerSecurityContext(c).runAsGroup === undefined,
        );
        if (inheriting.length > 0) {
          reports.push({
            range: at('runAsGroup'),
            message: `${label} sets \`runAsGroup: 0\`: its containers run with the root group.`,
          });
        }
      }
      if (asInteger(pod.fsGroup) === 0) {
        reports.push({
          range: at('fsGroup'),
          message: `${label} sets \`fsGroup: 0\`: its volumes are owned by the root group and every container gets that group.`,
        });
      }
      if (Array.isArray(pod.supplementalGroups)) {
        pod.supplementalGroups.forEach((gid, index) => {
          if (asInteger(gid) !== 0) return;
          reports.push({
            range: at('supplementalGroups', index),
            message: `${label} lists group 0 in \`supplementalGroups\`: its containers run with the root group.`,
          });
        });
      }
      for (const container of workload.containers) {
        if (asInteger(containerSecurityContext(container).runAsGroup) !== 0)
          continue;
        reports.push({
          range:
            container.locate(['securityContext', 'runAsGroup'])?.pairRange ??
            container.range,
          message: `${containerLabel(
            workload,
            container,
          )} sets \`runAsGroup: 0\`: it runs with the root group.`,
        });
      }
      return reports;
    });
  },
});
