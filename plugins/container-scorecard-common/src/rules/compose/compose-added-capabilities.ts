import { defineRule } from '../framework/defineRule';
import { pairRangeOf, scalarText, valueRangeOf } from './composeHelpers';
import { DANGEROUS_CAPABILITIES } from '../shared/capabilities';

/** `CAP_SYS_ADMIN`, `sys_admin` and `SYS_ADMIN` are the same capability to Docker. */
export function normalizeCapability(value: string): string {
  return value.trim().toUpperCase().replace(/^CAP_/, '');
}

function capabilityList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map(item => normalizeCapability(scalarText(item) ?? ''))
    : [];
}

/**
 * Flags dangerous capabilities in `cap_add`, and capabilities added on top of the default set
 * instead of after `cap_drop: [ALL]`.
 */
export const composeAddedCapabilities = defineRule({
  id: 'compose-added-capabilities',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['compose'],
  title: 'Service adds capabilities',
  message:
    'This service adds Linux capabilities without dropping the default set first.',
  rationale:
    "Root inside a container is only as weak as the capabilities it holds. The default set already lets a process chown any file or open raw sockets; `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `ALL` hand over the keys to mounts, the host's network configuration and other processes' memory. A service should start from nothing (`cap_drop: [ALL]`) and add back the one or two capabilities it has shown it needs.",
  remediation: {
    description:
      'Drop everything, then add back only what the process needs (binding a port below 1024 needs `NET_BIND_SERVICE`, nothing more).',
    before:
      'services:\n  web:\n    image: acme/web:2.3\n    cap_add:\n      - SYS_ADMIN\n      - NET_BIND_SERVICE',
    after:
      'services:\n  web:\n    image: acme/web:2.3\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]',
  },
  equivalents: { kics: 'Container Capabilities Unrestricted' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/ce76b7d0-9e77-464d-b86f-c5c48e03e22d/',
  },
  equivalentsNote:
    'KICS flags every `cap_add` and every service without `cap_drop`; this rule flags dangerous capabilities, and added capabilities without `cap_drop: [ALL]`, and leaves services that add nothing alone.',
  check({ file }) {
    return file.compose.services.flatMap(service => {
      const added = capabilityList(service.value.cap_add);
      if (added.length === 0) return [];
      const dropsAll = capabilityList(service.value.cap_drop).includes('ALL');
      const reports = added.flatMap((capability, index) =>
        DANGEROUS_CAPABILITIES.has(capability)
          ? [
              {
                range: valueRangeOf(service, ['cap_add', index]),
                message:
                  capability === 'ALL'
                    ? `Service "${service.name}" adds every capability (\`cap_add: [ALL]\`): that is nearly privileged mode.`
                    : `Service "${service.name}" adds ${capability}, a capability that opens a path to the host.`,
              },
            ]
          : [],
      );
      const harmless = added.filter(c => !DANGEROUS_CAPABILITIES.has(c));
      if (!dropsAll && harmless.length > 0) {
        reports.push({
          range: pairRangeOf(service, ['cap_add']),
          message: `Service "${service.name}" adds ${harmless.join(
            ', ',
          )} on top of the default capabilities: add \`cap_drop: [ALL]\` so it keeps only what it asks for.`,
        });
      }
      return reports;
    });
  },
});
