import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { isSecretName } from '../shared/envSecrets';
import { finalImageInstructions } from './helpers/dockerfileScope';
import { keyValuePairs } from './helpers/keyValuePairs';
import { isReferenceOrPath } from './secret-in-env-or-arg';

/**
 * Flags a build argument named like a credential (`ARG NPM_TOKEN`, `ARG GITHUB_TOKEN`) declared
 * without a value (or with an empty or placeholder default) in a stage that reaches the image, when a RUN follows it in that stage. The
 * builder records every build argument in scope, with the value given by `--build-arg`, in the
 * history entry of each later RUN (`RUN |1 NPM_TOKEN=npm_… /bin/sh -c npm ci`), so `docker
 * history` shows the token to anyone who can pull the image. A literal default is reported by
 * secret-in-env-or-arg instead; stages that do not reach the image keep their history in the
 * build cache only, and are not flagged.
 */
export const secretBuildArgUsedInRun = defineRule({
  id: 'secret-build-arg-used-in-run',
  pillar: 'config-outside',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Secret passed as a build argument',
  message:
    'A credential passed as a build argument is recorded in the image history of every later RUN: use a BuildKit secret mount.',
  rationale:
    'A build argument is not a secret store. The builder writes each build argument in scope, with the value given by `--build-arg`, into the history entry of every RUN that follows it (`RUN |1 NPM_TOKEN=npm_… /bin/sh -c npm ci`), and that history ships with the image: `docker history --no-trunc` shows the token to anyone who can pull it, long after the build. The process that needed it only needed it for one command. A BuildKit secret mount gives that command the credential as a file or variable that is never written to a layer or to the history. Only stages that reach the image are checked: an intermediate stage of a multi-stage build keeps its history in the build cache, which is not shipped.',
  remediation: {
    description:
      'Remove the ARG and give the command the credential through a secret mount; pass it with `docker build --secret id=npm_token,env=NPM_TOKEN` (or `src=` a file).',
    before: 'ARG NPM_TOKEN\nRUN npm ci',
    after: 'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
  },
  equivalents: { trivy: 'DS-0031' },
  equivalentLinks: {
    trivy:
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/leaked_secrets.rego',
  },
  equivalentsNote:
    'Trivy DS-0031 (checks/docker/leaked_secrets.rego) flags an ARG or ENV in the final stage whose name is on a short list (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, GITHUB_TOKEN, OPENAI_API_KEY, HF_TOKEN, also behind VITE_ or REACT_APP_), whether or not anything uses it. This rule recognises credential names in general (NPM_TOKEN, DB_PASSWORD, …, not *_FILE, *_URL, *_ID), checks the final stage and the stages it is built FROM, and needs a later RUN, since that is what writes the value to the history; AZURE_CLIENT_ID and AWS_ACCESS_KEY_ID, identifiers without their secret half, are not flagged. Checkov CKV_DOCKER_1005 only matches `name=value` text, so a build argument without a value is not found there; hadolint has no such rule.',
  check({ file }) {
    const model = file.dockerfile;
    const instructions = finalImageInstructions(model);
    const reports: RuleReport[] = [];
    instructions.forEach((instruction, at) => {
      if (instruction.keyword !== 'ARG') return;
      const laterRun = instructions
        .slice(at + 1)
        .find(
          (i: DockerInstruction) =>
            i.keyword === 'RUN' && i.stageIndex === instruction.stageIndex,
        );
      if (!laterRun) return;
      for (const pair of keyValuePairs(
        instruction,
        file.lineIndex,
        model.escapeChar,
      )) {
        // A literal default is secret-in-env-or-arg's finding; an empty or placeholder default
        // (`ARG NPM_TOKEN=""`, `ARG GITHUB_TOKEN=placeholder`) is replaced by --build-arg here.
        if (pair.value !== undefined && !isReferenceOrPath(pair.value))
          continue;
        if (!isSecretName(pair.key)) continue;
        reports.push({
          range: pair.keyRange,
          message: `Build argument ${pair.key} is in scope of the RUN on line ${laterRun.range.start.line}: the value given with --build-arg is recorded in the image history (docker history). Use RUN --mount=type=secret instead.`,
        });
      }
    });
    return reports;
  },
});
