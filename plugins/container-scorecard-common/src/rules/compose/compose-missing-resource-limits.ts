import { defineRule } from '../framework/defineRule';
import { isRecord, scalarText } from './composeHelpers';

function isSet(value: unknown): boolean {
  const text = scalarText(value);
  return text !== undefined && text.trim() !== '' && text.trim() !== '0';
}

/** True when the service caps its memory or CPU, in the Compose specification or the v2 keys. */
function hasLimit(service: Record<string, unknown>): boolean {
  const deploy = isRecord(service.deploy) ? service.deploy : {};
  const resources = isRecord(deploy.resources) ? deploy.resources : {};
  const limits = isRecord(resources.limits) ? resources.limits : {};
  return (
    isSet(limits.memory) ||
    isSet(limits.cpus) ||
    isSet(service.mem_limit) ||
    isSet(service.cpus) ||
    isSet(service.cpu_quota)
  );
}

/**
 * Flags services with no resource limit at all: neither `deploy.resources.limits` (memory or
 * cpus) nor the service-level `mem_limit` / `cpus` / `cpu_quota`.
 */
export const composeMissingResourceLimits = defineRule({
  id: 'compose-missing-resource-limits',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['compose'],
  title: 'Service has no resource limits',
  message:
    'This service sets no memory or CPU limit: one runaway process can starve every other container on the host.',
  rationale:
    'Containers share one kernel and one pool of memory. Without a limit, a leak in one service is an outage for all of them: the host runs out of memory and the kernel kills whichever process it likes, often not the guilty one. A limit turns that into a contained, visible event, the service restarting on its own, and documents what the service needs to run.',
  remediation: {
    description:
      'Set limits under `deploy.resources.limits` (honoured by `docker compose up`) sized from what the service really uses.',
    before: 'services:\n  api:\n    image: acme/api:3.2',
    after:
      "services:\n  api:\n    image: acme/api:3.2\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: '1.0'",
  },
  equivalents: { kics: 'Memory Not Limited' },
  equivalentsNote:
    'KICS checks memory ("Memory Not Limited") and CPU ("Cpus Not Limited") separately; this rule is satisfied by either limit, in either syntax.',
  check({ file }) {
    return file.compose.services.flatMap(service =>
      hasLimit(service.value)
        ? []
        : [
            {
              range: service.nameRange,
              message: `Service "${service.name}" sets no memory or CPU limit: one runaway process can starve every other container on the host.`,
            },
          ],
    );
  },
});
