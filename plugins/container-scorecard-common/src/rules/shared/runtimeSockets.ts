/**
 * Host paths that hand a container the container runtime's API: the socket itself, or the
 * directory that holds it. Shared by the compose and Kubernetes socket-mount rules.
 */

const SOCKET_FILE =
  /(^|\/)(docker|containerd|crio|podman|cri-dockerd|dockershim)\.sock$/i;

/** Directories whose only reason to be mounted is usually the runtime socket inside them. */
const SOCKET_DIRECTORIES = new Set([
  '/var/run',
  '/run',
  '/var/run/docker',
  '/run/docker',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/run/crio',
  '/var/run/podman',
  '/run/podman',
]);

/** Collapses duplicate slashes (`//var/run/docker.sock`, as Docker Desktop on Windows writes it) and a trailing slash. */
export function normalizeHostPath(path: string): string {
  const collapsed = path.trim().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/** True when a host path is a container runtime socket itself (not a directory holding one). */
export function isRuntimeSocketFile(path: string): boolean {
  return SOCKET_FILE.test(normalizeHostPath(path));
}

/** Describes a matching path for a message: the socket, or the directory that holds it. */
export function describeSocketPath(path: string): string {
  return isRuntimeSocketFile(path)
    ? `the container runtime socket "${path}"`
    : `"${path}", the directory that holds the container runtime socket`;
}

/** True when a host path is a container runtime socket or the directory that holds one. */
export function isRuntimeSocketPath(path: string): boolean {
  const normalized = normalizeHostPath(path);
  return (
    SOCKET_FILE.test(normalized) ||
    SOCKET_DIRECTORIES.has(normalized.toLowerCase())
  );
}
