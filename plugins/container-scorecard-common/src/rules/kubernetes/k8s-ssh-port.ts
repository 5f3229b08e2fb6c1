import { defineRule } from '../framework/defineRule';
import { containerLabel, isRecord } from './k8sHelpers';

/** Flags containers that declare TCP container port 22. */
export const k8sSshPort = defineRule({
  id: 'k8s-ssh-port',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['kubernetes'],
  title: 'Container exposes the SSH port',
  message:
    'This container exposes port 22: pods are not logged into, they are replaced.',
  rationale:
    'A pod that runs an SSH server is being treated as a small machine: one more daemon, keys or passwords to manage and leak, and a way to change a running pod that never makes it back into the image. `kubectl exec` and ephemeral debug containers already give a shell through the API server, with its authentication and audit log.',
  remediation: {
    description:
      'Remove the port and the SSH server from the image; use `kubectl exec` or `kubectl debug`. If the workload really is an SSH endpoint (a Git server, a bastion), waive the finding with a reason.',
    before: 'ports:\n  - containerPort: 8080\n  - containerPort: 22',
    after: 'ports:\n  - containerPort: 8080',
  },
  equivalents: { kubeLinter: 'ssh-port' },
  equivalentLinks: {
    kubeLinter: 'https://docs.kubelinter.io/#/generated/checks?id=ssh-port',
  },
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        const ports = container.value.ports;
        if (!Array.isArray(ports)) return [];
        return ports.flatMap((port, index) => {
          if (!isRecord(port)) return [];
          const number = Number(port.containerPort);
          const protocol =
            typeof port.protocol === 'string'
              ? port.protocol.toUpperCase()
              : 'TCP';
          if (number !== 22 || protocol !== 'TCP') return [];
          const location = container.locate(['ports', index, 'containerPort']);
          return [
            {
              range: location?.pairRange ?? container.range,
              message: `${containerLabel(
                workload,
                container,
              )} exposes port 22 (SSH): pods are not logged into, they are replaced.`,
            },
          ];
        });
      }),
    );
  },
});
