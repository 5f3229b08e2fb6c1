import { defineRule } from '../framework/defineRule';
import { isRecord, scalarText, valueRangeOf } from './composeHelpers';

const SSH_PORT = 22;

/** True when a container-side port spec (`22`, `20-25`, `22/tcp`) includes TCP port 22. */
function includesSshPort(spec: string): boolean {
  const [ports, protocol] = spec.trim().split('/');
  if (protocol && protocol.toLowerCase() !== 'tcp') return false;
  const match = /^(\d+)(?:-(\d+))?$/.exec(ports.trim());
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= SSH_PORT && SSH_PORT <= high;
}

/** The container side of a short port spec: `[ip:][published:]target[/protocol]`. */
function containerSide(spec: string): string {
  return spec.slice(spec.lastIndexOf(':') + 1);
}

/** Flags services that publish or expose container port 22. */
export const composeSshPort = defineRule({
  id: 'compose-ssh-port',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['compose'],
  title: 'Service exposes the SSH port',
  message:
    'This service exposes port 22: containers are not logged into, they are replaced.',
  rationale:
    'A container that listens for SSH is being treated as a small server: an extra daemon, extra keys or passwords to leak, and a door for changes that never make it back into the image. Changes belong in the image, and for debugging `docker compose exec` already opens a shell through the runtime, with no network port at all.',
  remediation: {
    description:
      'Remove the SSH port (and the SSH server from the image); use `docker compose exec` to get a shell. If the service really is an SSH endpoint (a Git server), waive the finding with a reason.',
    before:
      'services:\n  app:\n    image: acme/app:1.4\n    ports:\n      - "8080:8080"\n      - "2222:22"',
    after:
      'services:\n  app:\n    image: acme/app:1.4\n    ports:\n      - "8080:8080"',
  },
  equivalents: {},
  check({ file }) {
    return file.compose.services.flatMap(service => {
      const reports: {
        range: ReturnType<typeof valueRangeOf>;
        message: string;
      }[] = [];
      for (const key of ['ports', 'expose'] as const) {
        const list = service.value[key];
        if (!Array.isArray(list)) continue;
        list.forEach((item, index) => {
          let exposesSsh = false;
          const text = scalarText(item);
          if (text !== undefined)
            exposesSsh = includesSshPort(containerSide(text));
          else if (isRecord(item)) {
            const target = scalarText(item.target);
            const protocol = scalarText(item.protocol);
            exposesSsh =
              target !== undefined &&
              includesSshPort(protocol ? `${target}/${protocol}` : target);
          }
          if (!exposesSsh) return;
          reports.push({
            range: valueRangeOf(service, [key, index]),
            message: `Service "${service.name}" ${
              key === 'ports' ? 'publishes' : 'exposes'
            } container port 22 (SSH): containers are not logged into, they are replaced.`,
          });
        });
      }
      return reports;
    });
  },
});
