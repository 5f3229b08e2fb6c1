import { defineImageRule } from './defineImageRule';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Flags an image built more than `maxAgeDays` ago: its packages carry every fix published since.
 * Reproducible builders write a fixed `created` (the Unix epoch, SOURCE_DATE_EPOCH): before 2000
 * the timestamp says nothing about age, so it is not flagged.
 */
export const imageTooOld = defineImageRule({
  id: 'image-too-old',
  pillar: 'immutable',
  severity: 'medium',
  title: 'Image is old',
  message: 'The image was built long ago and misses the fixes published since.',
  rationale:
    'Immutable images are patched by rebuilding, not by updating in place. An image that has not been rebuilt for months still ships the base image and packages of the day it was built, with every vulnerability fixed since.',
  remediation: {
    description:
      'Rebuild and redeploy regularly (a scheduled CI build), so base image and package fixes reach production.',
    before: 'image: registry.example.com/api:1.4 # built 14 months ago',
    after: 'image: registry.example.com/api:1.4.7 # rebuilt weekly by CI',
  },
  options: {
    maxAgeDays: {
      type: 'number',
      default: 90,
      description: 'Images created more than this many days ago are flagged.',
    },
  },
  check({ image, now, options }) {
    const created = Date.parse(image.config.created ?? '');
    if (Number.isNaN(created) || created < Date.UTC(2000, 0, 1)) return [];
    const ageDays = Math.floor((now.getTime() - created) / DAY_MS);
    return ageDays > options.maxAgeDays
      ? [
          {
            evidence: `created: ${image.config.created}`,
            message: `The image was built ${ageDays} days ago (limit ${options.maxAgeDays}).`,
          },
        ]
      : [];
  },
});
