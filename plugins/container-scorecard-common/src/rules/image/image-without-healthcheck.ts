import { defineImageRule } from './defineImageRule';

/**
 * Flags an image with no HEALTHCHECK in its config, where the platform would use one: Docker and
 * Compose do, Kubernetes ignores it (its probes are checked by the Kubernetes rules), so images
 * named only by Kubernetes manifests are not flagged. `HEALTHCHECK NONE` is an accepted decision.
 */
export const imageWithoutHealthcheck = defineImageRule({
  id: 'image-without-healthcheck',
  pillar: 'lifecycle',
  severity: 'low',
  title: 'Image has no health check',
  message: 'The image config has no HEALTHCHECK: a hung process looks healthy.',
  rationale:
    'Docker and Compose only know that the process exists. A health check in the image lets them report a deadlocked or never-ready service as unhealthy, hold back dependants (`depends_on: condition: service_healthy`) and restart it.',
  remediation: {
    description:
      'Add a HEALTHCHECK to the final stage using a binary the image has, or `HEALTHCHECK NONE` to record that the orchestrator probes it.',
    before: 'FROM python:3.13-slim\nCMD ["gunicorn", "app:app"]',
    after:
      'FROM python:3.13-slim\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"]\nCMD ["gunicorn", "app:app"]',
  },
  check({ image, usedBy }) {
    if (usedBy.length > 0 && usedBy.every(usage => usage === 'kubernetes')) {
      return [];
    }
    return image.config.healthcheck?.length
      ? []
      : [{ evidence: 'Healthcheck: (none)' }];
  },
});
