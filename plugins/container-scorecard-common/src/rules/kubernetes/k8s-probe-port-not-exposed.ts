import type { KubernetesContainer } from '../../parsing/kubernetes/kubernetesTypes';
import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import {
  asInteger,
  containerLabel,
  declaredContainers,
  isRecord,
} from './k8sHelpers';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

function declaredPorts(container: KubernetesContainer): {
  names: Set<string>;
  numbers: Set<number>;
  declares: boolean;
} {
  const names = new Set<string>();
  const numbers = new Set<number>();
  const ports = container.value.ports;
  if (Array.isArray(ports)) {
    for (const port of ports) {
      if (!isRecord(port)) continue;
      if (typeof port.name === 'string') names.add(port.name);
      const number = asInteger(port.containerPort);
      if (number !== undefined) numbers.add(number);
    }
  }
  return { names, numbers, declares: Array.isArray(ports) && ports.length > 0 };
}

/** The words of a container's command, args and env values: where a process is told its ports. */
function configuredText(container: KubernetesContainer): string {
  const words: string[] = [];
  for (const key of ['command', 'args']) {
    const list = container.value[key];
    if (Array.isArray(list)) list.forEach(w => words.push(String(w)));
  }
  const env = container.value.env;
  if (Array.isArray(env)) {
    for (const variable of env) {
      if (isRecord(variable) && variable.value !== undefined)
        words.push(String(variable.value));
    }
  }
  return words.join('\n');
}

/** True when the number appears on its own in the container's command, args or env values. */
function mentionsPort(container: KubernetesContainer, port: number): boolean {
  return new RegExp(`(^|[^0-9])${port}([^0-9]|$)`, 'm').test(
    configuredText(container),
  );
}

/**
 * Flags probes whose port the container does not expose: a named port missing from the
 * container's `ports` (the probe can never resolve it), or a number that no container of the pod
 * declares while this container declares its ports (a probe aimed at the wrong port).
 */
export const k8sProbePortNotExposed = defineRule({
  id: 'k8s-probe-port-not-exposed',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Probe targets a port the container does not expose',
  message:
    'This probe targets a port the container does not declare: it checks something other than the service, or nothing at all.',
  rationale:
    'A probe is how the kubelet learns whether the process in a container works, and it only learns that if it knocks on the door the process listens at. A named port that the container does not declare cannot be resolved, so the probe fails every time: a liveness probe then restarts a healthy container forever, a readiness probe keeps it out of its Service. A numbered port missing from the ports the container declares usually means the two drifted apart (the app moved to 8081, the probe still checks 8080).',
  remediation: {
    description:
      'Point the probe at a port the container declares, by name or number, or declare the port the process really listens on.',
    before:
      'ports:\n  - name: http\n    containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: healthcheck',
    after:
      'ports:\n  - name: http\n    containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: http',
  },
  equivalents: { kubeLinter: 'liveness-port' },
  equivalentLinks: {
    kubeLinter:
      'https://github.com/stackrox/kube-linter/blob/main/pkg/builtinchecks/yamls/liveness-port.yaml',
  },
  equivalentsNote:
    "One rule for kube-linter's `liveness-port`, `readiness-port` and `startup-port`, which read `httpGet` probes only; this rule also reads `tcpSocket` and `grpc`. kube-linter reports a numbered port whenever the container does not list it, even when the container lists no ports at all or a sibling container of the pod declares it (a probe reaches the pod's address, so that works); this rule reports a number only when the container declares its ports, no container of the pod has that one and the container's command, args and env values do not name it (`--health-probe-bind-address=:8081`, as controllers scaffolded by kubebuilder declare only their webhook port). A named port must be the container's own, as the kubelet requires.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const containers = declaredContainers(workload);
      const podNumbers = new Set<number>();
      for (const c of containers)
        declaredPorts(c).numbers.forEach(n => podNumbers.add(n));
      return containers.flatMap(container => {
        const own = declaredPorts(container);
        const reports: RuleReport[] = [];
        for (const probe of PROBES) {
          const spec = container.value[probe];
          if (!isRecord(spec)) continue;
          for (const handler of HANDLERS) {
            const action = spec[handler];
            if (!isRecord(action) || action.port === undefined) continue;
            const number = asInteger(action.port);
            let problem: string | undefined;
            if (number === undefined && typeof action.port === 'string') {
              if (!own.names.has(action.port))
                problem = `the named port "${action.port}", which the container does not declare: the probe can never succeed`;
            } else if (
              number !== undefined &&
              own.declares &&
              !podNumbers.has(number) &&
              !mentionsPort(container, number)
            ) {
              problem = `port ${number}, which no container of the pod declares (this one declares ${[
                ...own.numbers,
              ].join(', ')})`;
            }
            if (!problem) continue;
            reports.push({
              range:
                container.locate([probe, handler, 'port'])?.pairRange ??
                container.range,
              message: `The ${probe} of ${containerLabel(
                workload,
                container,
              )} targets ${problem}.`,
            });
          }
        }
        return reports;
      });
    });
  },
});
