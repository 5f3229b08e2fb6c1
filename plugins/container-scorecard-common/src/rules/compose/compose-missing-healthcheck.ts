import { imageMatchesPattern } from '../../parsing/imageReference';
import { defineRule } from '../framework/defineRule';
import { isRecord } from './composeHelpers';

/**
 * Flags services that define no healthcheck, when they build an image or run one that is not
 * known to ship a HEALTHCHECK of its own.
 */
export const composeMissingHealthcheck = defineRule({
  id: 'compose-missing-healthcheck',
  pillar: 'lifecycle',
  severity: 'low',
  appliesTo: ['compose'],
  title: 'Service has no healthcheck',
  message:
    'This service has no healthcheck: Compose only knows the process is running, not that it works.',
  rationale:
    'A container is a process, and a process can be alive while the service behind it is dead: deadlocked, out of connections, stuck at start-up. A healthcheck lets the runtime tell "running" from "working", so `depends_on: condition: service_healthy` waits for a real dependency, `docker ps` shows unhealthy services, and orchestrators can replace them.',
  remediation: {
    description:
      'Add a cheap check of the service itself (an HTTP endpoint, a CLI ping), with an interval and a start period; or put a HEALTHCHECK in the Dockerfile. Write `healthcheck: { disable: true }` where none makes sense, so the choice is visible.',
    before: 'services:\n  api:\n    image: acme/api:3.2',
    after:
      'services:\n  api:\n    image: acme/api:3.2\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/healthz"]\n      interval: 30s\n      timeout: 3s\n      start_period: 20s\n      retries: 3',
  },
  options: {
    imagesWithHealthcheck: {
      type: 'string[]',
      default: [
        'gitlab/gitlab-ce*',
        'gitlab/gitlab-ee*',
        '*vaultwarden/server*',
        '*louislam/uptime-kuma*',
      ],
      description:
        'Images known to define a HEALTHCHECK in their own Dockerfile (patterns with `*`); services running them are not flagged.',
    },
  },
  equivalents: { kics: 'Healthcheck Not Set' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/698ed579-b239-4f8f-a388-baa4bcb13ef8/',
  },
  equivalentsNote:
    'KICS flags every service without `healthcheck` and every service that switches it off; this rule accepts an explicit `disable: true` / `test: ["NONE"]` (a decision, for example where an image\'s own HEALTHCHECK does not fit) and skips images known to define their own HEALTHCHECK.',
  check({ file, options }) {
    return file.compose.services.flatMap(service => {
      // Any healthcheck mapping counts, `disable: true` included: switching it off is a choice.
      if (isRecord(service.value.healthcheck)) return [];
      const image = service.image;
      const builds = service.value.build !== undefined;
      if (!builds && image === undefined) return [];
      if (
        !builds &&
        image !== undefined &&
        options.imagesWithHealthcheck.some(pattern =>
          imageMatchesPattern(image, pattern),
        )
      )
        return [];
      return [
        {
          range: service.nameRange,
          message: `Service "${service.name}" has no healthcheck: Compose only knows the process is running, not that it works.`,
        },
      ];
    });
  },
});
