import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import { sensitiveHostPath } from '../shared/sensitiveHostPaths';
import { isRecord, scalarText, volumeMounts } from './composeHelpers';

/** Flags services that bind-mount `/`, a system directory or the runtime's, kubelet's, root's or sshd's files. */
export const composeSensitiveHostMount = defineRule({
  id: 'compose-sensitive-host-mount',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['compose'],
  title: 'Service mounts a sensitive host directory',
  message:
    "This service bind-mounts a sensitive host directory: it reaches the host's own system files.",
  rationale:
    "A container's filesystem is supposed to be the image plus the volumes it owns; the host's files are outside its reach. Bind-mounting `/`, `/etc`, `/proc`, `/boot`, `/root` or the runtime's own state puts the host's password hashes, SSH host keys, kernel interfaces and other containers' data inside the service. Written to, they give the host away (a cron entry, an authorised key, a changed binary); even read-only they leak secrets. A service should receive the few files it needs as configs, secrets or named volumes.",
  remediation: {
    description:
      'Mount only the file or application directory the service needs (read-only where possible), or pass it as a `configs:`/`secrets:` entry. Monitoring agents that truly read the host should run outside compose or with the narrowest paths they document.',
    before:
      'services:\n  agent:\n    image: acme/agent:3\n    volumes:\n      - /etc:/host/etc\n      - /:/rootfs:ro',
    after:
      'services:\n  agent:\n    image: acme/agent:3\n    volumes:\n      - /etc/acme/agent.yaml:/etc/agent.yaml:ro',
  },
  equivalents: { kics: 'Volume Has Sensitive Host Directory' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/1c1325ff-831d-43a1-973e-839ae57dfcc0/',
  },
  equivalentsNote:
    "KICS's list of sensitive directories covers everything under /var, /etc, /usr and more, so it also reports application data such as `/var/lib/backup/data` or `/etc/localtime:ro`. This rule reports `/` and the system directories themselves, and everything under /proc, /boot, /root, /etc/ssh, /etc/shadow, /etc/sudoers, /etc/kubernetes, /etc/docker, /var/lib/docker, /var/lib/containerd and /var/lib/kubelet; runtime sockets are left to compose-docker-socket-mount. Like KICS it also reads the `device` and `mountpoint` of top-level volumes' `driver_opts`.",
  check({ file }) {
    const reports: RuleReport[] = file.compose.services.flatMap(service =>
      volumeMounts(service).flatMap(mount => {
        if (mount.type !== 'bind' || mount.source === undefined) return [];
        const sensitive = sensitiveHostPath(mount.source);
        if (!sensitive) return [];
        return [
          {
            range: mount.sourceRange,
            message: `Service "${service.name}" bind-mounts the host's ${
              mount.source
            }${
              mount.readOnly ? ' (read-only still exposes its contents)' : ''
            }: it reaches the host's own system files.`,
          },
        ];
      }),
    );
    const root = file.compose.document.value;
    const volumes = isRecord(root) ? root.volumes : undefined;
    if (isRecord(volumes)) {
      for (const [name, volume] of Object.entries(volumes)) {
        if (!isRecord(volume) || !isRecord(volume.driver_opts)) continue;
        for (const key of ['device', 'mountpoint']) {
          const source = scalarText(volume.driver_opts[key]);
          if (source === undefined || !sensitiveHostPath(source)) continue;
          const location = file.compose.document.locate([
            'volumes',
            name,
            'driver_opts',
            key,
          ]);
          if (!location) continue;
          reports.push({
            range: location.pairRange,
            message: `Volume "${name}" is backed by the host's ${source}: services that mount it reach the host's own system files.`,
          });
        }
      }
    }
    return reports;
  },
});
