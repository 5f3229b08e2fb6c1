import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import { defineRule } from '../framework/defineRule';
import {
  finalImageInstructions,
  isWindowsStage,
} from './helpers/dockerfileScope';

/**
 * Flags the USER the image runs as when it names a user instead of a UID (`USER app`,
 * `USER app:app`). Only the USER in effect in the shipped image counts (the last one of the final
 * stage or of the stages it is built FROM): earlier ones are build steps. Root is reported by
 * last-user-root, a user from a build argument without a known value is left alone, and Windows
 * images (whose users are names, checked by name) are skipped.
 */
export const nonNumericUser = defineRule({
  id: 'non-numeric-user',
  pillar: 'least-privilege',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'Image runs as a user name, not a UID',
  message:
    'The image runs as a user name: a platform that enforces non-root by UID cannot verify it. Use the numeric UID.',
  rationale:
    'The kernel knows users by number; a name means something only through the /etc/passwd of the image. Platforms that enforce non-root look at the image configuration, not inside it: Kubernetes `runAsNonRoot: true` refuses to start a container whose image user is a name ("image has non-numeric user, cannot verify user is non-root") unless the manifest also sets `runAsUser`, and admission policies that check the UID range see nothing to check. Writing the UID (`USER 10001:10001`) makes the non-root promise verifiable from the outside and keeps file ownership and volume permissions predictable. Severity is low: nothing is less safe at run time while the name maps to an unprivileged user, the cost is a failed or unverifiable deployment; turn the rule off if no platform of yours checks it.',
  remediation: {
    description:
      'Create the user with a fixed UID and name that UID (and its group) in USER.',
    before:
      'RUN useradd --create-home app\nUSER app\nCMD ["node", "server.js"]',
    after:
      'RUN useradd --create-home --uid 10001 app\nUSER 10001:10001\nCMD ["node", "server.js"]',
  },
  equivalents: { hadolint: 'DL3066' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3066',
  },
  equivalentsNote:
    'hadolint DL3066 (severity info) flags every USER whose part before `:` is not all digits, in every stage and whether or not a later USER replaces it. This rule flags only the USER in effect in the shipped image, since that is what the platform sees; it skips root (reported by last-user-root) and Windows images (hadolint flags `USER ContainerUser`; Windows users are names, and Kubernetes checks them by name), and resolves build arguments with known defaults, leaving unknown ones alone.',
  check({ file }) {
    const model = file.dockerfile;
    // Windows containers name their users (ContainerUser) and Kubernetes checks them by name.
    if (model.finalStage && isWindowsStage(model, model.finalStage)) return [];
    const users = finalImageInstructions(model).filter(
      (i: DockerInstruction) => i.keyword === 'USER',
    );
    const last = users[users.length - 1];
    if (!last) return [];
    const { value, unresolved } = model.resolve(
      last.argumentsText.trim(),
      last.range.start.line,
    );
    if (unresolved.length > 0) return [];
    // The builder removes quotes: `USER "$UID:$GID"` is `USER 1000:1000`.
    const written = value.trim().replace(/["']/g, '');
    const user = written.split(':')[0];
    if (user === '' || /^\d+$/.test(user) || user === 'root') return [];
    return [
      {
        range: last.range,
        message: `USER ${written} is a name: Kubernetes runAsNonRoot cannot verify it and will not start the container without runAsUser. Use the numeric UID.`,
      },
    ];
  },
});
