import { normalizeHostPath } from './runtimeSockets';

/**
 * Host directories that must not be mounted into a container as a whole: the root and the system
 * directories. Their subdirectories are not all sensitive (`/var/log/nginx`, `/etc/localtime`,
 * `/usr/share/zoneinfo` are routinely mounted), so only the directory itself counts.
 */
const SENSITIVE_DIRECTORIES = new Set([
  '/',
  '/bin',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/var/lib',
  '/var/log',
]);

/** Host paths that are sensitive along with everything under them. */
const SENSITIVE_TREES = [
  '/proc',
  '/boot',
  '/root',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/etc/kubernetes',
  '/etc/docker',
  '/etc/ssh',
  '/etc/sudoers',
  '/etc/sudoers.d',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/ssl/private',
  '/dev/mem',
  '/dev/kmem',
];

/**
 * The sensitive host path a mount source is, or undefined: `/`, a system directory itself, or
 * anything under the kernel's, the boot loader's, root's, the runtime's, the kubelet's or sshd's
 * files.
 */
export function sensitiveHostPath(source: string): string | undefined {
  if (!source.startsWith('/')) return undefined;
  const path = normalizeHostPath(source);
  if (SENSITIVE_DIRECTORIES.has(path)) return path;
  return SENSITIVE_TREES.find(
    tree => path === tree || path.startsWith(`${tree}/`),
  );
}
