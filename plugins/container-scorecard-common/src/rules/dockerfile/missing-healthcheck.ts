import { defineRule } from '../framework/defineRule';
import { stageAncestry } from './helpers/dockerfileScope';

/**
 * Flags a final stage with no HEALTHCHECK (its own or one inherited from an earlier stage it is
 * built FROM). `HEALTHCHECK NONE` is an explicit decision (health is probed by the orchestrator,
 * or the base image's check does not fit) and is accepted: the author has thought about it.
 */
export const missingHealthcheck = defineRule({
  id: 'missing-healthcheck',
  pillar: 'lifecycle',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'No HEALTHCHECK in the final stage',
  message:
    'The final stage declares no HEALTHCHECK: a hung process looks as healthy as a working one.',
  rationale:
    'A running container only tells the platform that its process exists, not that it works. A deadlocked server, a worker stuck on a lost connection or an app that never finished starting all stay "up". A health check lets Docker, Compose and Swarm report the container as unhealthy, hold back dependants and replace it. On Kubernetes the probes in the manifest play that role; write `HEALTHCHECK NONE` to record that choice in the image.',
  remediation: {
    description:
      'Add a HEALTHCHECK that exercises the service cheaply, with a binary the image already has; or `HEALTHCHECK NONE` when the orchestrator probes the container.',
    before: 'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]',
    after:
      'FROM node:22-slim\nUSER node\nHEALTHCHECK --interval=30s --timeout=3s CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]',
  },
  equivalents: {
    hadolint: 'DL3057',
    trivy: 'DS-0026',
    checkov: 'CKV_DOCKER_2',
  },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3057',
    trivy:
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/no_healthcheck_instruction.rego',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/HealthcheckExists.py',
  },
  equivalentsNote:
    'hadolint DL3057 (off by default there: severity "ignore") reports every stage that has no HEALTHCHECK and is not built FROM a stage with one; this rule reports only the final stage, the one that runs, with the same inheritance through `FROM <stage>`. Trivy and Checkov accept a HEALTHCHECK anywhere in the file; this rule wants it in the final stage or a stage the final stage is built FROM, since only that reaches the image. All three accept `HEALTHCHECK NONE`, as this rule does. Known limit, kept on purpose: a final image that runs a one-shot or interactive tool (`ENTRYPOINT ["/llama-cli"]`) has nothing long-running to check, yet is reported. No reliable signal tells it apart from a service: in the project corpus 699 of the 1131 Dockerfiles this rule reports have no EXPOSE, among them servers (a text-generation-inference entrypoint, `python app.py`) and long-running workers without ports (a CI agent), and the name of a tool binary cannot be told from that of a daemon. Dropping or lowering reports without EXPOSE would lose those; `HEALTHCHECK NONE` records the decision for a tool image.',
  check({ file }) {
    const model = file.dockerfile;
    const stage = model.finalStage;
    if (!stage) return []; // a fragment: its stage is completed elsewhere
    const hasHealthcheck = stageAncestry(model, stage).some(s =>
      s.instructions.some(i => i.keyword === 'HEALTHCHECK'),
    );
    return hasHealthcheck ? [] : [{ range: stage.from.instruction.range }];
  },
});
