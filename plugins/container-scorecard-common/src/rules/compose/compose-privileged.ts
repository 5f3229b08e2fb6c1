import { defineRule } from '../framework/defineRule';

/** Compose accepts `privileged: true` and, from environment interpolation, the string "true". */
function isTrue(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value.toLowerCase() === 'true')
  );
}

/** Flags compose services that run privileged. */
export const composePrivileged = defineRule({
  id: 'compose-privileged',
  pillar: 'least-privilege',
  severity: 'critical',
  appliesTo: ['compose'],
  title: 'Service runs privileged',
  message:
    'This service runs privileged: it gets every capability and every host device.',
  rationale:
    'Isolation is what makes a container a process among others rather than a guest with the keys to the host. Privileged mode removes it: all capabilities, all devices, no seccomp or AppArmor confinement. One compromised service then owns the host and every other container on it.',
  remediation: {
    description:
      'Remove `privileged` and grant only what the service needs: a capability with `cap_add`, a device with `devices`.',
    before: 'services:\n  app:\n    image: acme/app:1.4\n    privileged: true',
    after:
      'services:\n  app:\n    image: acme/app:1.4\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]',
  },
  equivalents: { kics: 'Privileged Containers Enabled' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/ae5b6871-7f45-42e0-bb4c-ab300c4d2026/',
  },
  equivalentsNote:
    'Same test as KICS "Privileged Containers Enabled" on a service\'s `privileged: true`; this rule also reads the string "true" (what an interpolated `${PRIVILEGED}` becomes) and keys merged in through YAML anchors. One deliberate difference: KICS also reports `build.privileged: true`, which grants elevated privileges to the image build, not to the running service; that is not this rule\'s concern.',
  check({ file }) {
    return file.compose.services.flatMap(service => {
      if (!isTrue(service.value.privileged)) return [];
      const location = service.locate(['privileged']);
      return [
        {
          range: location?.pairRange ?? service.nameRange,
          message: `Service "${service.name}" runs privileged: it gets every capability and every host device.`,
        },
      ];
    });
  },
});
