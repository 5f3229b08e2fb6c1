import { defineRule } from '../framework/defineRule';
import {
  describeSocketPath,
  isRuntimeSocketPath,
} from '../shared/runtimeSockets';
import { volumeMounts } from './composeHelpers';

/** Flags services that bind-mount the Docker (or containerd, CRI-O, Podman) socket. */
export const composeDockerSocketMount = defineRule({
  id: 'compose-docker-socket-mount',
  pillar: 'least-privilege',
  severity: 'critical',
  appliesTo: ['compose'],
  title: 'Service mounts the container runtime socket',
  message:
    'This service mounts the container runtime socket: it can start privileged containers on the host.',
  rationale:
    "The runtime socket is the host's container control plane. Whoever can write to it can ask the daemon for a new privileged container with the host's root filesystem mounted, so a service holding it is root on the host in all but name. Mounting it read-only changes nothing: talking to a socket is a write, and the API does the rest.",
  remediation: {
    description:
      'Remove the mount. If the service truly needs the Docker API (a CI runner, a reverse proxy reading labels), put a filtering socket proxy in front of it that allows only the calls it needs, or use rootless Docker.',
    before:
      'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
    after:
      'services:\n  proxy:\n    image: traefik:v3.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.2\n    environment:\n      CONTAINERS: 1',
  },
  equivalents: { kics: 'Docker Socket Mounted In Container' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b/',
  },
  equivalentsNote:
    'KICS matches `docker.sock` only; this rule also covers the containerd, CRI-O and Podman sockets and mounts of the directories that hold them (`/var/run`, `/run/containerd`).',
  check({ file }) {
    return file.compose.services.flatMap(service =>
      volumeMounts(service)
        .filter(
          mount =>
            mount.source !== undefined &&
            mount.type !== 'volume' &&
            mount.type !== 'tmpfs' &&
            isRuntimeSocketPath(mount.source),
        )
        .map(mount => ({
          range: mount.sourceRange,
          message: `Service "${service.name}" mounts ${describeSocketPath(
            mount.source as string,
          )}${
            mount.readOnly
              ? ' (read-only does not help: API calls are writes)'
              : ''
          }: it can start privileged containers on the host.`,
        })),
    );
  },
});
