import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** hadolint's test for root: `root`, `0`, and either with a group (`root:x`, `0:x`). */
function isRootUser(user: string): boolean {
  return (
    user === 'root' ||
    user === '0' ||
    user.startsWith('root:') ||
    user.startsWith('0:')
  );
}

/**
 * Flags a stage whose last USER is root, as hadolint's DL3002 does: in every stage (a stage
 * ending as root hands root to any stage built FROM it), at that USER. A later non-root USER in
 * the same stage clears it. Build arguments with known defaults are substituted; a user from an
 * unknown build argument is not assumed to be root.
 *
 * The split with `no-user-in-final-stage`: this rule reports an explicit root USER; that one
 * reports a final stage with no USER in effect at all. A Dockerfile gets at most one of the two
 * for the same cause.
 */
export const lastUserRoot = defineRule({
  id: 'last-user-root',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Last USER is root',
  message: 'The last USER of this stage is root.',
  rationale:
    'Switching to root for a few build steps is normal; ending a stage there is not. Whatever runs next (the container process, or every stage built FROM this one) inherits UID 0, which on a shared kernel is the most a process can get if it escapes its namespaces, and which lets it rewrite any file of the image. This rule reports an explicit `USER root` left in place; a final stage that never names a user is reported by no-user-in-final-stage instead, so one cause gives one finding.',
  remediation: {
    description:
      'Switch back to an unprivileged user (preferably by numeric UID) after the steps that need root.',
    before:
      'FROM node:22-slim\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nCMD ["node", "server.js"]',
    after:
      'FROM node:22-slim\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nUSER node\nCMD ["node", "server.js"]',
  },
  equivalents: {
    hadolint: 'DL3002',
    trivy: 'DS-0002',
    checkov: 'CKV_DOCKER_8',
  },
  equivalentLinks: {
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/RootUser.py',
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3002',
    trivy:
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/root_user.rego',
  },
  equivalentsNote:
    'Like hadolint, every stage is checked, not only the final one (hadolint DL3002Spec: 9/9 agree). Trivy DS-0002 judges only the last stage, so a build stage ending as root while the final stage names another user is flagged here and not there (1 of its 10 published cases, dockerfile-rules.trivy.test.ts); its "no USER at all" half is no-user-in-final-stage. Unlike hadolint, a USER written with a build argument whose default is root (`USER ${RUN_AS}`) is resolved and flagged.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const stage of model.stages) {
      let last: DockerInstruction | undefined;
      for (const instruction of stage.instructions)
        if (instruction.keyword === 'USER') last = instruction;
      if (!last) continue;
      const { value, unresolved } = model.resolve(
        last.argumentsText.trim(),
        last.range.start.line,
      );
      if (unresolved.length > 0 || !isRootUser(value.trim())) continue;
      reports.push({
        range: last.range,
        message: stage.isFinal
          ? 'The last USER of the final stage is root: the container runs as root.'
          : `Stage "${
              stage.name ?? stage.index
            }" ends as root: any stage built FROM it starts as root.`,
      });
    }
    return reports;
  },
});
