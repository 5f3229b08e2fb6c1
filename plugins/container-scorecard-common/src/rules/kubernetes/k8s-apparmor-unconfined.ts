import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import { containerLabel, isRecord, workloadLabel } from './k8sHelpers';
import { podAnnotation } from './k8sPodAnnotations';

const LEGACY_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * Flags AppArmor turned off: `appArmorProfile.type: Unconfined` in the pod's or a container's
 * securityContext, or the legacy annotation `container.apparmor.security.beta.kubernetes.io/<name>: unconfined`.
 */
export const k8sApparmorUnconfined = defineRule({
  id: 'k8s-apparmor-unconfined',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['kubernetes'],
  fixable: true,
  title: 'AppArmor turned off',
  message:
    'This container runs with AppArmor turned off (`Unconfined`): nothing limits what it may touch on the node beyond file permissions.',
  rationale:
    'On nodes with AppArmor, the runtime confines every container with a default profile that forbids writing to /proc and /sys, mounting filesystems and other ways out of the container that plain Linux permissions allow to root. That profile costs an application nothing. `Unconfined` removes it, so a process that gains root, or a capability it should not have, meets one fewer wall before it reaches the node.',
  remediation: {
    description:
      'Remove the setting (the runtime default applies) or set `appArmorProfile.type: RuntimeDefault`; a `Localhost` profile written for the application is better still.',
    before: 'securityContext:\n  appArmorProfile:\n    type: Unconfined',
    after: 'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault',
  },
  equivalents: { trivy: 'KSV-0002' },
  equivalentLinks: { trivy: 'https://avd.aquasec.com/misconfig/ksv002' },
  equivalentsNote:
    "Trivy's KSV-0002 reads only the legacy annotation and reports every value other than `runtime/default`, `localhost/<profile>` included. This rule follows the Pod Security Standards (baseline): only `unconfined` is reported, and the `appArmorProfile` field of Kubernetes 1.30+ is read too, at pod and container level.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const reports: RuleReport[] = [];
      const pod = isRecord(workload.podSpec.securityContext)
        ? workload.podSpec.securityContext
        : {};
      if (
        isRecord(pod.appArmorProfile) &&
        pod.appArmorProfile.type === 'Unconfined'
      ) {
        const location = workload.locateInPodSpec([
          'securityContext',
          'appArmorProfile',
          'type',
        ]);
        reports.push({
          range: location?.pairRange ?? workload.range,
          message: `${workloadLabel(
            workload,
          )} sets \`appArmorProfile.type: Unconfined\` for its pod: its containers run without AppArmor.`,
          fix: location
            ? [{ range: location.range, newText: 'RuntimeDefault' }]
            : undefined,
        });
      }
      for (const container of workload.containers) {
        const own = isRecord(container.value.securityContext)
          ? container.value.securityContext
          : {};
        if (
          isRecord(own.appArmorProfile) &&
          own.appArmorProfile.type === 'Unconfined'
        ) {
          const location = container.locate([
            'securityContext',
            'appArmorProfile',
            'type',
          ]);
          reports.push({
            range: location?.pairRange ?? container.range,
            message: `${containerLabel(
              workload,
              container,
            )} sets \`appArmorProfile.type: Unconfined\`: it runs without AppArmor.`,
            fix: location
              ? [{ range: location.range, newText: 'RuntimeDefault' }]
              : undefined,
          });
        }
        if (!container.name) continue;
        const annotation = podAnnotation(
          workload,
          `${LEGACY_PREFIX}${container.name}`,
        );
        if (
          typeof annotation?.value === 'string' &&
          annotation.value.trim() === 'unconfined'
        ) {
          reports.push({
            range: annotation.range ?? container.range,
            message: `The annotation \`${LEGACY_PREFIX}${
              container.name
            }: unconfined\` runs ${containerLabel(
              workload,
              container,
            )} without AppArmor.`,
          });
        }
      }
      return reports;
    });
  },
});
