import { imageMatchesPattern } from '../../parsing/imageReference';
import type {
  DockerInstruction,
  DockerStage,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import { defineRule } from '../framework/defineRule';
import {
  effectiveStartInstructions,
  rootStage,
  stageAncestry,
} from './helpers/dockerfileScope';

/** Programs that start as root and run the rest of the command as the user they are given. */
const PRIVILEGE_DROPPERS = new Set([
  'gosu',
  'su-exec',
  's6-setuidgid',
  'setuidgid',
]);

/**
 * True when the container's start command drops root itself: `ENTRYPOINT ["gosu", "app", ...]`
 * (the official images' pattern, which needs root only to fix volume ownership first). The user
 * given must not be root.
 */
function startDropsRoot(model: DockerfileModel): boolean {
  const [first] = effectiveStartInstructions(model);
  if (!first) return false;
  // The shell parser reads gosu as a wrapper and drops its user: read the words as written.
  const words =
    first.form === 'exec'
      ? (first.execArguments ?? []).map(w => w.value)
      : first.argumentsText
          .trim()
          .replace(/^exec\s+/, '')
          .split(/\s+/);
  const program = (words[0] ?? '').split('/').pop() ?? '';
  const user = (words[1] ?? '').split(':')[0];
  return (
    PRIVILEGE_DROPPERS.has(program) &&
    user !== '' &&
    !['root', '0'].includes(user) &&
    !user.startsWith('-')
  );
}

/** The last USER of a stage, following `FROM <earlier stage>` since USER is inherited. */
function effectiveUser(
  model: DockerfileModel,
  stage: DockerStage,
): { instruction: DockerInstruction; stage: DockerStage } | undefined {
  for (const current of stageAncestry(model, stage)) {
    const users = current.instructions.filter(i => i.keyword === 'USER');
    if (users.length > 0)
      return { instruction: users[users.length - 1], stage: current };
  }
  return undefined;
}

/**
 * Flags a final stage with no USER in effect: neither the stage nor the stages it builds on
 * (through `FROM <earlier stage>`) name a user, so the base image's default (root for nearly
 * every image) applies. An explicit `USER root` is reported by `last-user-root` (hadolint
 * DL3002) instead, so one cause gives one finding. Only the final stage matters: build stages
 * may need root, and their user does not reach the shipped image unless the final stage builds
 * on them, which we follow.
 */
export const noUserInFinalStage = defineRule({
  id: 'no-user-in-final-stage',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Final stage sets no USER',
  message: 'The final stage sets no USER, so the container runs as root.',
  rationale:
    'A container is a process on a shared kernel, not a machine of its own. Root in the container is root on that kernel for anything that escapes the namespace, and can rewrite every file of its image. An application process rarely needs it: name an unprivileged user in the image so the safe default travels with it. This rule reports a final stage that names no user at all; an explicit `USER root` left at the end of a stage is reported by last-user-root. A start command that drops root itself (`ENTRYPOINT ["gosu", "app", "server"]`, su-exec, s6-setuidgid) is accepted: the process that serves runs as that user.',
  remediation: {
    description:
      'Create (or reuse) an unprivileged user and switch to it after the steps that need root. Prefer a numeric UID so the platform can verify it is not root.',
    before: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
    after:
      'FROM node:22-slim\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "/app/server.js"]',
  },
  equivalents: {
    hadolint: 'DL3063',
    trivy: 'DS-0002',
    checkov: 'CKV_DOCKER_3',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ds002',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/UserExists.py',
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3063',
  },
  equivalentsNote:
    'A start command that drops root itself (`ENTRYPOINT ["gosu", "app", ...]`, su-exec, s6-setuidgid) counts as a user, as Checkov CKV_DOCKER_3 now does (its example_UserExists/success_gosu). hadolint DL3063 (recent, off by default there: severity "ignore") reports a final stage with no USER; earlier releases of it were satisfied by a USER in any stage. This rule also follows `FROM <earlier stage>` (a USER there is inherited), accepts base images known to default to a non-root user (the nonRootBaseImages option) and skips a base named by an unknown build argument. Its DL3002 only flags an explicit root, which is our last-user-root. Trivy DS-0002 flags both a missing USER and a root one; Checkov CKV_DOCKER_3 flags a missing USER.',
  options: {
    nonRootBaseImages: {
      type: 'string[]',
      default: ['gcr.io/distroless/*:nonroot', 'gcr.io/distroless/*:*-nonroot'],
      description:
        'Base images (with `*` wildcards) known to default to a non-root user; a final stage built on one needs no USER.',
    },
  },
  check({ file, options }) {
    const model = file.dockerfile;
    const stage = model.finalStage;
    if (!stage) return []; // a fragment without FROM: its base, and so its user, is unknown
    const found = effectiveUser(model, stage);
    if (!found) {
      const base = rootStage(model, stage).from;
      const withoutDigest = base.image.split('@')[0];
      if (base.unresolvedVariables.length > 0) return [];
      if (startDropsRoot(model)) return [];
      if (
        options.nonRootBaseImages.some(p =>
          imageMatchesPattern(withoutDigest, p),
        )
      )
        return [];
      return [
        {
          range: stage.from.instruction.range,
          message: base.isScratch
            ? 'The final stage builds FROM scratch without USER: the process runs as UID 0. Add a numeric USER such as 65532:65532.'
            : undefined,
        },
      ];
    }
    // A USER is in effect: an explicit root one is last-user-root's finding, not ours.
    return [];
  },
});
