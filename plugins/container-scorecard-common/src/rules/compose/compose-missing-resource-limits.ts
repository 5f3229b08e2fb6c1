import { defineRule } from '../framework/defineRule';
import { isRecord, scalarText } from './composeHelpers';

function isSet(value: unknown): boolean {
  const text = scalarText(value);
  return text !== undefined && text.trim() !== '' && text.trim() !== '0';
}

function limitsOf(service: Record<string, unknown>): Record<string, unknown> {
  const deploy = isRecord(service.deploy) ? service.deploy : {};
  const resources = isRecord(deploy.resources) ? deploy.resources : {};
  return isRecord(resources.limits) ? resources.limits : {};
}

/**
 * True when the service caps its memory: `deploy.resources.limits.memory` (Compose
 * Specification, honoured by `docker compose up`) or the service-level `mem_limit` (file format
 * 2.x, still accepted). A CPU limit alone does not count: CPU is shared and throttled, so a busy
 * container slows its neighbours down, while memory is not, and a leak ends with the kernel's
 * OOM killer choosing a victim on the whole host.
 */
function hasMemoryLimit(service: Record<string, unknown>): boolean {
  return isSet(limitsOf(service).memory) || isSet(service.mem_limit);
}

/**
 * Flags services with no memory limit, in either syntax. Same meaning as
 * k8s-missing-resource-limits, whose core is the memory limit too.
 */
export const composeMissingResourceLimits = defineRule({
  id: 'compose-missing-resource-limits',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['compose'],
  title: 'Service has no memory limit',
  message:
    'This service sets no memory limit: one leaking process can run the whole host out of memory.',
  rationale:
    'Containers share one kernel and one pool of memory. Without a memory limit, a leak in one service is an outage for all of them: the host runs out of memory and the kernel kills whichever process it likes, often not the guilty one. A limit turns that into a contained, visible event, the service restarting on its own, and documents what the service needs to run. A CPU limit does not do this: CPU is time-shared, so a busy neighbour only slows the others down, and a service capped on CPU alone can still take all the memory.',
  remediation: {
    description:
      'Set `deploy.resources.limits.memory` (honoured by `docker compose up`; `mem_limit` in 2.x files) sized from what the service really uses. A CPU limit is optional.',
    before: 'services:\n  api:\n    image: acme/api:3.2',
    after:
      "services:\n  api:\n    image: acme/api:3.2\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: '1.0'",
  },
  equivalents: { kics: 'Memory Not Limited' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/bb9ac4f7-e13b-423d-a010-c74a1bfbe492/',
  },
  equivalentsNote:
    'Same test as KICS "Memory Not Limited" on the syntax it reads. KICS reads `deploy.resources.limits.memory` only in files that declare `version` 3 or later and `mem_limit` only below 3, and skips files with no `version` (which is how today\'s compose files are written); this rule checks every file and accepts either key, as `docker compose` does. KICS "Cpus Not Limited" is deliberately not followed: a CPU limit neither replaces a memory limit nor is required (k8s-missing-resource-limits likewise requires the memory limit and no CPU limit; it also wants a CPU request, which the Kubernetes scheduler places pods by, while `docker compose` runs its services on one host with no scheduler to place them by their reservations).',
  check({ file }) {
    return file.compose.services.flatMap(service => {
      if (hasMemoryLimit(service.value)) return [];
      const limits = service.locate(['deploy', 'resources', 'limits']);
      const cpuOnly = Object.keys(limitsOf(service.value)).length > 0;
      return [
        {
          range: (cpuOnly ? limits?.pairRange : undefined) ?? service.nameRange,
          message: cpuOnly
            ? `Service "${service.name}" limits only its CPU: with no memory limit one leak can run the whole host out of memory.`
            : `Service "${service.name}" sets no memory limit: one leaking process can run the whole host out of memory.`,
        },
      ];
    });
  },
});
