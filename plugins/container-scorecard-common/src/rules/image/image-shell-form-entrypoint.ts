import { defineImageRule } from './defineImageRule';

const SHELLS = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  '/bin/sh',
  '/bin/bash',
  '/bin/ash',
  '/bin/dash',
  '/usr/bin/bash',
]);

/** True for `["/bin/sh", "-c", "…"]`, what a shell-form ENTRYPOINT or CMD becomes in the config. */
export function isShellForm(command: readonly string[] | undefined): boolean {
  return (
    !!command &&
    command.length >= 2 &&
    SHELLS.has(command[0]) &&
    command[1] === '-c'
  );
}

/**
 * Flags an image whose config starts its process through `sh -c`: the shell becomes PID 1 and
 * does not forward SIGTERM, so stops wait for the kill timeout.
 */
export const imageShellFormEntrypoint = defineImageRule({
  id: 'image-shell-form-entrypoint',
  pillar: 'lifecycle',
  severity: 'medium',
  title: 'Image starts through a shell',
  message:
    'The image config starts its process through `sh -c`: signals do not reach it.',
  rationale:
    'A shell-form ENTRYPOINT or CMD is stored as `["/bin/sh", "-c", "…"]`. The shell is PID 1; it does not pass SIGTERM to the application, so every stop waits for the grace period and ends in SIGKILL, without a clean shutdown.',
  remediation: {
    description:
      'Use the exec form (a JSON array) for ENTRYPOINT and CMD, or `exec` the process from a start script.',
    before: 'CMD node server.js',
    after: 'CMD ["node", "server.js"]',
  },
  check({ image }) {
    const { entrypoint, cmd } = image.config;
    // With an ENTRYPOINT, CMD only supplies its arguments; the ENTRYPOINT decides PID 1.
    const [field, command] = entrypoint?.length
      ? ['Entrypoint', entrypoint]
      : ['Cmd', cmd];
    return isShellForm(command)
      ? [{ evidence: `${field}: ${JSON.stringify(command)}` }]
      : [];
  },
});
