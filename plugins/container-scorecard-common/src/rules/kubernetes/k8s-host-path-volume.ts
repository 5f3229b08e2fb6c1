import { defineRule } from '../framework/defineRule';
import { isRuntimeSocketPath } from '../shared/runtimeSockets';
import { isRecord, workloadLabel } from './k8sHelpers';

/** Flags hostPath volumes (except runtime sockets, which `k8s-docker-socket-mount` reports). */
export const k8sHostPathVolume = defineRule({
  id: 'k8s-host-path-volume',
  pillar: 'state-outside',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Pod uses a hostPath volume',
  message:
    "This pod keeps data on the node's filesystem (hostPath): it is tied to one node and reaches outside its sandbox.",
  rationale:
    "Pods are cattle: they are rescheduled onto other nodes at any time. Data written to a hostPath stays behind on the old node, so the replacement pod silently starts with different state, and two replicas on two nodes never agree. A hostPath is also a hole in the isolation: the pod reads (and usually writes) the node's own files. State belongs in a PersistentVolumeClaim or an external store; scratch space in an emptyDir.",
  remediation: {
    description:
      'Use a PersistentVolumeClaim for data that must survive the pod, an emptyDir for scratch space, a ConfigMap or Secret for configuration. Node agents (log collectors, CSI drivers) that really need node files can be waived with a reason, with the mount made `readOnly`.',
    before:
      'volumes:\n  - name: data\n    hostPath:\n      path: /srv/app-data',
    after:
      'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: app-data',
  },
  equivalents: {
    trivy: 'KSV-0023',
    polaris: 'hostPathSet',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ksv023',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/hostPathSet.yaml',
  },
  equivalentsNote:
    "Same test as Trivy KSV-0023 and Polaris `hostPathSet`: every hostPath volume, except the runtime sockets left to k8s-docker-socket-mount. kube-linter's `sensitive-host-mounts` flags only system directories (/etc, /proc, /sys...), so it is not an equivalent.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const volumes = workload.podSpec.volumes;
      if (!Array.isArray(volumes)) return [];
      return volumes.flatMap((volume, index) => {
        if (!isRecord(volume) || !isRecord(volume.hostPath)) return [];
        const path = volume.hostPath.path;
        if (typeof path === 'string' && isRuntimeSocketPath(path)) return [];
        const location =
          workload.locateInPodSpec(['volumes', index, 'hostPath', 'path']) ??
          workload.locateInPodSpec(['volumes', index, 'hostPath']);
        const name = typeof volume.name === 'string' ? ` "${volume.name}"` : '';
        return [
          {
            range: location?.pairRange ?? workload.range,
            message: `${workloadLabel(workload)} mounts the node path ${
              typeof path === 'string' ? `"${path}"` : ''
            } as volume${name}: the data is tied to one node and outside the pod's sandbox.`,
          },
        ];
      });
    });
  },
});
