import { defineImageRule } from './defineImageRule';

/** `User` values that mean root: empty (the default), `root` or uid 0, with or without a group. */
export function isRootUser(user: string | undefined): boolean {
  const name = (user ?? '').trim().split(':')[0];
  return name === '' || name === 'root' || name === '0';
}

/**
 * Flags an image whose config runs its process as root. This is what the container really runs
 * as unless the deployment overrides it, whatever the Dockerfile seemed to inherit from its base.
 */
export const imageRunsAsRoot = defineImageRule({
  id: 'image-runs-as-root',
  pillar: 'least-privilege',
  severity: 'high',
  title: 'Image runs as root',
  message: 'The image config runs its process as root.',
  rationale:
    'An empty `User` in the image config means uid 0. A process that escapes its application (a deserialisation bug, a path traversal) then owns every file in the container and is one kernel bug away from the host. The Dockerfile may look fine when the base image was expected to set a user; the config read from the registry says what actually runs.',
  remediation: {
    description:
      'Create an unprivileged user in the final stage and switch to it by uid, so Kubernetes can verify `runAsNonRoot`.',
    before: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
    after:
      'FROM node:22-slim\nCOPY --chown=10001:10001 . /app\nUSER 10001\nCMD ["node", "/app/server.js"]',
  },
  check({ image }) {
    const user = image.config.user ?? '';
    return isRootUser(user)
      ? [
          {
            evidence: `User: ${JSON.stringify(user)}`,
            message: user
              ? `The image config runs its process as root (User ${JSON.stringify(
                  user,
                )}).`
              : 'The image config sets no User, so its process runs as root.',
          },
        ]
      : [];
  },
});
