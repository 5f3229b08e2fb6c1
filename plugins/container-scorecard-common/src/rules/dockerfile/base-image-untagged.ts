import type {
  DockerFrom,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import { substituteVariables } from '../../parsing/dockerfile/substituteVariables';
import { defineRule } from '../framework/defineRule';

/** Stands for a build argument declared without a default: `--build-arg` may give it any value. */
const ANY_VALUE = '*'; // never part of an image reference

/** Arguments BuildKit defines in the global scope without a declaration (`build-$TARGETARCH`). */
const AUTOMATIC_PLATFORM_ARGS = /^(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)$/;

/**
 * True when a FROM whose image uses build arguments without a known value certainly has no tag.
 * A global ARG declared without a default may be set by `--build-arg` to anything, so it may carry
 * the tag when it stands in the image name (`ubuntu:$TAG`, `$IMAGE`, `alpine$SUFFIX`), but not when
 * it only stands in the registry or namespace (`${REGISTRY}/ubuntu`). A variable no global ARG
 * declares expands to nothing in FROM, as BuildKit does: `alpine$TAG` is then plain `alpine`;
 * except the platform arguments BuildKit always defines (`FROM build-$TARGETARCH`).
 */
function certainlyUntagged(model: DockerfileModel, from: DockerFrom): boolean {
  const { value } = substituteVariables(
    from.rawImage,
    name => {
      if (AUTOMATIC_PLATFORM_ARGS.test(name)) return ANY_VALUE;
      if (!(name in model.globalArgs)) return undefined; // undeclared: empty
      return model.globalArgs[name] ?? ANY_VALUE;
    },
    model.escapeChar,
  );
  const name = value.slice(value.lastIndexOf('/') + 1);
  if (name.includes(ANY_VALUE) || /[:@]/.test(name)) return false;
  // Nothing left (`FROM $UNDECLARED`) is an error for the builder, not a missing tag.
  return value.replace(/[/*]/g, '') !== '';
}

/** Flags base images with neither a tag nor a digest (which Docker reads as `:latest`). */
export const baseImageUntagged = defineRule({
  id: 'base-image-untagged',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Base image has no tag',
  message:
    'The base image has no tag, so it silently means "latest": pin a version.',
  rationale:
    'Without a tag the builder takes whatever "latest" is on the day of the build. The image stops being a recorded recipe: the same Dockerfile produces different processes over time, and nobody can say which base a running container was built from. Build arguments count for what they can be: `FROM ${REGISTRY}/ubuntu` has no tag whatever the registry, and a variable no ARG before the first FROM declares expands to nothing (`FROM alpine$TAG` is `FROM alpine`), except the platform arguments BuildKit always defines (`FROM build-$TARGETARCH`); a declared argument that may hold the tag (`FROM ubuntu:$TAG`, `FROM $IMAGE`) is given the benefit of the doubt. Earlier stages and `scratch` need no tag.',
  remediation: {
    description:
      'Add the version you tested with, and the digest for a reproducible build.',
    before: 'FROM python',
    after: 'FROM python:3.12-slim@sha256:<digest>',
  },
  equivalents: {
    hadolint: 'DL3006',
    trivy: 'DS-0001',
    checkov: 'CKV_DOCKER_7, CKV_DOCKER_10',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ds001',
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3006',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/ReferenceLatestTag.py',
  },
  equivalentsNote:
    'hadolint DL3006 reads the FROM as written: it skips `FROM ${VALUE}` and, like this rule, earlier stages and scratch. Beyond hadolint, this rule resolves ARG defaults (`ARG BASE=debian` + `FROM $BASE` is untagged) and flags images whose tag is certainly missing although a variable is unresolved (`FROM ${REGISTRY}/ubuntu`, an undeclared `$TAG`). Trivy DS-0001 and Checkov CKV_DOCKER_7 each report both an untagged base and `:latest` in one check; here `:latest` is reported by base-image-latest-tag. Against the published cases of Trivy (base-image-untagged.trivy.test.ts) 14 of 16 agree; deliberately, a declared ARG without a default that may carry the tag (`ARG TAG` + `FROM alpine$TAG`) is not flagged here (Trivy reads it as empty), and an ARG declared after the first FROM is not applied to a later FROM (Trivy applies it; Docker does not). Checkov CKV_DOCKER_7 flags a FROM without `:` that is not an earlier stage (a digest-only reference included) and reports once per file; CKV_DOCKER_10 (checkov/dockerfile/checks/SpecifyImageVersion.py) fails a file whose first FROM has no `:` and is not scratch. Their published examples agree (base-image-untagged.checkov.test.ts, 8/8).',
  check({ file }) {
    const model = file.dockerfile;
    return model.stages.flatMap(({ from }) => {
      if (from.isScratch || from.baseStageIndex !== undefined) return [];
      if (from.unresolvedVariables.length > 0)
        return certainlyUntagged(model, from)
          ? [{ range: from.imageRange }]
          : [];
      if (!from.image || from.tag || from.digest) return [];
      return [{ range: from.imageRange }];
    });
  },
});
