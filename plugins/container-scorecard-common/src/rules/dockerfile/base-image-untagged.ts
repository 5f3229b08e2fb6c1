import { defineRule } from '../framework/defineRule';

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
    'Without a tag the builder takes whatever "latest" is on the day of the build. The image stops being a recorded recipe: the same Dockerfile produces different processes over time, and nobody can say which base a running container was built from.',
  remediation: {
    description:
      'Add the version you tested with, and the digest for a reproducible build.',
    before: 'FROM python',
    after: 'FROM python:3.12-slim@sha256:<digest>',
  },
  equivalents: { hadolint: 'DL3006', trivy: 'DS-0001' },
  check({ file }) {
    return file.dockerfile.stages.flatMap(({ from }) => {
      if (from.unresolvedVariables.length > 0 || from.isScratch || !from.image)
        return [];
      if (from.baseStageIndex !== undefined || from.tag || from.digest)
        return [];
      return [{ range: from.imageRange }];
    });
  },
});
