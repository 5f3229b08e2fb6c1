import type { SourceRange } from '../../model/types';
import type {
  KubernetesContainer,
  KubernetesWorkload,
} from '../../parsing/kubernetes/kubernetesTypes';

/** Helpers shared by the Kubernetes rules. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Deployment "api"`. */
export function workloadLabel(workload: KubernetesWorkload): string {
  return `${workload.kind} "${workload.name ?? '(unnamed)'}"`;
}

/** `Container "app" of Deployment "api"`, `initContainer "migrate" of Job "db"`. */
export function containerLabel(
  workload: KubernetesWorkload,
  container: KubernetesContainer,
): string {
  const which =
    container.group === 'containers'
      ? 'Container'
      : container.group.replace(/s$/, '');
  return `${which} "${container.name ?? container.index}" of ${workloadLabel(
    workload,
  )}`;
}

/** Where to point for something a container lacks: its `name`, else the whole container. */
export function containerAnchor(container: KubernetesContainer): SourceRange {
  return container.locate(['name'])?.range ?? container.range;
}

/** Regular and init containers: the ones a manifest defines to run (ephemeral ones are debug sessions). */
export function declaredContainers(
  workload: KubernetesWorkload,
): KubernetesContainer[] {
  return workload.containers.filter(c => c.group !== 'ephemeralContainers');
}

/**
 * True for pods scheduled on Windows nodes, where Linux security settings (runAsNonRoot,
 * capabilities, readOnlyRootFilesystem, allowPrivilegeEscalation) do not apply.
 */
export function isWindowsPod(workload: KubernetesWorkload): boolean {
  const spec = workload.podSpec;
  const os = isRecord(spec.os) ? spec.os.name : undefined;
  const nodeSelector = isRecord(spec.nodeSelector) ? spec.nodeSelector : {};
  return (
    os === 'windows' ||
    nodeSelector['kubernetes.io/os'] === 'windows' ||
    nodeSelector['beta.kubernetes.io/os'] === 'windows'
  );
}

/** Batch workloads run to completion: Jobs, CronJobs and bare Pods that are not restarted. */
export function runsToCompletion(workload: KubernetesWorkload): boolean {
  if (workload.kind === 'Job' || workload.kind === 'CronJob') return true;
  const restartPolicy = workload.podSpec.restartPolicy;
  return (
    workload.kind === 'Pod' &&
    (restartPolicy === 'Never' || restartPolicy === 'OnFailure')
  );
}

/** A container's own `securityContext` (never inherited). */
export function containerSecurityContext(
  container: KubernetesContainer,
): Record<string, unknown> {
  const securityContext = container.value.securityContext;
  return isRecord(securityContext) ? securityContext : {};
}

/** The value of a setting and where it was written. */
export interface EffectiveSetting {
  value: unknown;
  /** Where the effective value comes from; undefined when neither level sets it. */
  from?: 'container' | 'pod';
  /** The `key: value` pair that decides, when there is one. */
  range?: SourceRange;
}

/**
 * A security setting that the pod-level `securityContext` provides as a default and a container
 * may override: `runAsUser`, `runAsGroup`, `runAsNonRoot`, `seccompProfile`, `seLinuxOptions`.
 * (`readOnlyRootFilesystem`, `allowPrivilegeEscalation`, `capabilities` and `privileged` exist only
 * on containers: read them with `containerSecurityContext`.)
 */
export function effectiveSecuritySetting(
  workload: KubernetesWorkload,
  container: KubernetesContainer,
  key:
    | 'runAsUser'
    | 'runAsGroup'
    | 'runAsNonRoot'
    | 'seccompProfile'
    | 'seLinuxOptions',
): EffectiveSetting {
  const own = containerSecurityContext(container);
  if (own[key] !== undefined && own[key] !== null) {
    return {
      value: own[key],
      from: 'container',
      range: container.locate(['securityContext', key])?.pairRange,
    };
  }
  const pod = isRecord(workload.podSpec.securityContext)
    ? workload.podSpec.securityContext
    : {};
  if (pod[key] !== undefined && pod[key] !== null) {
    return {
      value: pod[key],
      from: 'pod',
      range: workload.locateInPodSpec(['securityContext', key])?.pairRange,
    };
  }
  return { value: undefined };
}

/** Kubernetes booleans are booleans; a quoted "true" would be rejected by the API server. */
export function isTrue(value: unknown): boolean {
  return value === true;
}

/** A whole-number value, accepting numeric strings such as "1000". */
export function asInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim()))
    return Number(value.trim());
  return undefined;
}
