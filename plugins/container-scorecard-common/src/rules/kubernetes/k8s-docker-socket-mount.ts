import { defineRule } from '../framework/defineRule';
import {
  describeSocketPath,
  isRuntimeSocketPath,
} from '../shared/runtimeSockets';
import { isRecord, workloadLabel } from './k8sHelpers';

/** Flags hostPath volumes pointing at a container runtime socket (Docker, containerd, CRI-O, Podman). */
export const k8sDockerSocketMount = defineRule({
  id: 'k8s-docker-socket-mount',
  pillar: 'least-privilege',
  severity: 'critical',
  appliesTo: ['kubernetes'],
  title: 'Pod mounts the container runtime socket',
  message:
    "This pod mounts the node's container runtime socket: it can start privileged containers on the node, outside Kubernetes' control.",
  rationale:
    "The runtime socket is the node's container control plane, below Kubernetes: whoever can talk to it can start a privileged container with the node's root filesystem, read every other pod's secrets and hide from the API server's view. A pod holding it is effectively root on the node, and read-only mounts do not help because API calls are writes on a socket.",
  remediation: {
    description:
      'Remove the volume. Build images with a daemonless builder (BuildKit rootless, Kaniko) and read container metadata from the Kubernetes API rather than from the runtime.',
    before:
      'volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock',
    after: 'volumes:\n  - name: workspace\n    emptyDir: {}',
  },
  equivalents: {
    kubeLinter: 'docker-sock',
    checkov: 'CKV_K8S_27',
    trivy: 'KSV-0006',
    kics: 'Docker Daemon Socket is Exposed to Containers',
  },
  equivalentLinks: {
    kubeLinter: 'https://docs.kubelinter.io/#/generated/checks?id=docker-sock',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/DockerSocketVolume.py',
    trivy: 'https://avd.aquasec.com/misconfig/ksv006',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/a6f34658-fdfb-4154-9536-56d516f65828/',
  },
  equivalentsNote:
    'kube-linter, Checkov and KICS match `docker.sock`; this rule also covers the containerd, CRI-O and Podman sockets and the directories that hold them.',
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const volumes = workload.podSpec.volumes;
      if (!Array.isArray(volumes)) return [];
      return volumes.flatMap((volume, index) => {
        if (!isRecord(volume) || !isRecord(volume.hostPath)) return [];
        const path = volume.hostPath.path;
        if (typeof path !== 'string' || !isRuntimeSocketPath(path)) return [];
        const location =
          workload.locateInPodSpec(['volumes', index, 'hostPath', 'path']) ??
          workload.locateInPodSpec(['volumes', index]);
        const name = typeof volume.name === 'string' ? ` "${volume.name}"` : '';
        return [
          {
            range: location?.pairRange ?? workload.range,
            message: `${workloadLabel(workload)} mounts ${describeSocketPath(
              path,
            )} (volume${name}): it can start privileged containers on the node.`,
          },
        ];
      });
    });
  },
});
