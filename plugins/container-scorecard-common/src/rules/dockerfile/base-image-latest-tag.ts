import { defineRule } from '../framework/defineRule';
import { MOVING_TAGS_OPTION, movingTagKind } from '../shared/imagePinning';

/**
 * Flags base images on `:latest`, written out or reached through a build argument, and (option,
 * on by default) on a development tag such as `:main`, `:edge` or `:nightly`.
 */
export const baseImageLatestTag = defineRule({
  id: 'base-image-latest-tag',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Base image uses latest or a development tag',
  message:
    'The base image uses the "latest" tag: pin a version, ideally with a digest.',
  rationale:
    'A container is meant to be rebuilt, not patched, and every rebuild should give the same process on the same libraries. "latest" moves under your feet: two builds of the same commit can ship different runtimes, and a rollback no longer rolls back the base. Development tags (`main`, `edge`, `nightly`...) are worse: they move with every commit upstream and name builds nobody released.',
  remediation: {
    description:
      'Name the version you tested with; add the digest to make the build reproducible.',
    before: 'FROM node:latest',
    after: 'FROM node:22.11-bookworm-slim@sha256:<digest>',
  },
  equivalents: {
    hadolint: 'DL3007',
    trivy: 'DS-0001',
    checkov: 'CKV_DOCKER_7',
    kics: "Image Version Using 'latest'",
  },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3007',
    trivy: 'https://avd.aquasec.com/misconfig/ds001',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/ReferenceLatestTag.py',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/f45ea400-6bbe-4501-9fc7-1c3d75c32067/',
  },
  equivalentsNote:
    'hadolint DL3007 and KICS report `latest` only. Trivy DS-0001 and Checkov CKV_DOCKER_7 also report an untagged base, which this project reports as base-image-untagged; together the two rules agree with their published examples, except that Trivy also reports `FROM alpine$TAG` with `ARG TAG` left without a default, which is decided by `--build-arg` at build time and not reported here. Beyond all four, development tags (`main`, `master`, `dev`, `edge`, `nightly`, `canary`, `latest-*`...) are reported too, unless the `flagMovingTags` option is turned off.',
  options: MOVING_TAGS_OPTION,
  check({ file, options }) {
    return file.dockerfile.stages.flatMap(({ from }) => {
      // Unknown build arguments, scratch, earlier stages and digests are not a moving tag.
      if (from.unresolvedVariables.length > 0 || from.isScratch) return [];
      if (
        from.baseStageIndex !== undefined ||
        from.digest ||
        from.tag === undefined
      )
        return [];
      const moving = movingTagKind(from.tag);
      // Untagged bases are base-image-untagged's; `latest` is always reported here.
      if (!moving || (moving !== 'latest' && !options.flagMovingTags))
        return [];
      const viaArgument = from.rawImage !== from.image;
      const how =
        moving === 'latest'
          ? undefined
          : `The base image "${from.image}" is on "${from.tag}", a tag that follows a development line and moves with every build: pin a release.`;
      return [
        {
          range: from.imageRange,
          message: viaArgument
            ? `The base image "${from.rawImage}" resolves to "${from.image}" through a build argument default: pin a version.`
            : how,
        },
      ];
    });
  },
});
