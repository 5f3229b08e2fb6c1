import { defineRule } from '../framework/defineRule';

/** Flags base images on `:latest`, written out or reached through a build argument. */
export const baseImageLatestTag = defineRule({
  id: 'base-image-latest-tag',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Base image uses the latest tag',
  message:
    'The base image uses the "latest" tag: pin a version, ideally with a digest.',
  rationale:
    'A container is meant to be rebuilt, not patched, and every rebuild should give the same process on the same libraries. "latest" moves under your feet: two builds of the same commit can ship different runtimes, and a rollback no longer rolls back the base.',
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
  },
  check({ file }) {
    return file.dockerfile.stages.flatMap(({ from }) => {
      // Unknown build arguments, scratch, earlier stages and digests are not a moving tag.
      if (from.unresolvedVariables.length > 0 || from.isScratch) return [];
      if (
        from.baseStageIndex !== undefined ||
        from.digest ||
        from.tag !== 'latest'
      )
        return [];
      const viaArgument = from.rawImage !== from.image;
      return [
        {
          range: from.imageRange,
          message: viaArgument
            ? `The base image "${from.rawImage}" resolves to "${from.image}" through a build argument default: pin a version.`
            : undefined,
        },
      ];
    });
  },
});
