import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';

/**
 * Flags `sudo` in RUN, as hadolint's DL3004 does: any command run through sudo, wherever the
 * shell runs it (`&&` chains, pipelines, subshells, `sh -c '...'`, heredocs), in every stage
 * and in ONBUILD RUN triggers.
 * `apt-get install sudo` is not a use of sudo and is not flagged.
 */
export const sudoInRun = defineRule({
  id: 'sudo-in-run',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'sudo used in RUN',
  message:
    'sudo in RUN: switch user with USER (or gosu/su-exec in an entrypoint), not sudo.',
  rationale:
    'A build step already runs as whichever USER the Dockerfile last named; sudo adds a second privilege system with its own configuration, TTY and environment quirks, so the same step behaves differently from one base image to the next. Its presence also suggests the image ships sudo and a sudoers entry, which hands any process in the container a way back to root.',
  remediation: {
    description:
      'Run the privileged steps before switching to the unprivileged user, and drop sudo from the image. At run time, use gosu or su-exec in an entrypoint if a step must still start as root.',
    before:
      'FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y curl',
    after:
      'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER app',
  },
  equivalents: {
    hadolint: 'DL3004',
    trivy: 'DS-0010',
    checkov: 'CKV2_DOCKER_1',
  },
  equivalentLinks: {
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunUsingSudo.yaml',
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3004',
    trivy: 'https://avd.aquasec.com/misconfig/ds010',
  },
  equivalentsNote:
    'Same test as hadolint DL3004 (any command named sudo in RUN and ONBUILD RUN, every stage; installing the sudo package is not a use of it). Beyond hadolint, sudo is also found inside `sh -c` strings and shell heredocs, and each command run through sudo is reported.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    // ONBUILD RUN runs in every build FROM this image: sudo there is the same problem, later.
    for (const { command } of commandsIn(model, model.instructions, ['RUN'], {
      onbuild: true,
    })) {
      if (command.program !== 'sudo' && !command.wrappers.includes('sudo'))
        continue;
      reports.push({ range: command.range });
    }
    return reports;
  },
});
