import { defineRule } from '../framework/defineRule';
import { securityOptions } from './composeSecurityOptions';

/** `security_opt` settings that switch a kernel confinement off, and what each one removes. */
const DISABLING: Record<string, { value: RegExp; what: string }> = {
  seccomp: {
    value: /^unconfined$/i,
    what: 'turns off the seccomp filter: every system call of the host kernel is open to it',
  },
  apparmor: {
    value: /^unconfined$/i,
    what: 'turns off the AppArmor profile that limits what it may touch on the host',
  },
  label: {
    value: /^disable$/i,
    what: 'turns off SELinux separation between it and the host',
  },
  systempaths: {
    value: /^unconfined$/i,
    what: 'unmasks /proc and /sys paths that expose the host kernel',
  },
};

/** Flags services that disable seccomp, AppArmor, SELinux labelling or /proc masking in `security_opt`. */
export const composeSecurityProfileDisabled = defineRule({
  id: 'compose-security-profile-disabled',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['compose'],
  title: 'Service disables seccomp, AppArmor or SELinux',
  message:
    'This service turns off a kernel confinement (seccomp, AppArmor, SELinux or masked paths) in `security_opt`.',
  rationale:
    "A container shares the host kernel; what keeps a compromised process from using all of it is a handful of kernel filters the runtime applies by default. Docker's seccomp profile blocks some forty system calls that have no business in an application (kernel module loading, kexec, keyring and mount manipulation), AppArmor or SELinux confine what files and devices the process may touch, and masked /proc paths hide kernel interfaces. `unconfined` and `label=disable` remove that layer for the whole service, so one kernel bug or one mis-granted capability is enough to reach the host.",
  remediation: {
    description:
      'Remove the entry so the runtime default applies. If one system call is really missing, write a seccomp profile that allows just that call and reference it (`seccomp=./seccomp.json`).',
    before:
      'services:\n  worker:\n    image: acme/worker:2.1\n    security_opt:\n      - seccomp:unconfined\n      - apparmor:unconfined',
    after:
      'services:\n  worker:\n    image: acme/worker:2.1\n    security_opt:\n      - no-new-privileges:true',
  },
  equivalents: { kics: 'Default Seccomp Profile Disabled' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/404fde2c-bc4b-4371-9747-7054132ac953/',
  },
  equivalentsNote:
    "KICS's query matches the text `seccomp:unconfined` anywhere in an entry, so it also reports `label:seccomp:unconfined` (an SELinux label option, which does not touch seccomp) and misses `seccomp=unconfined`. This rule splits each entry the way Docker does (`=`, or the older `:`) and also reports `apparmor=unconfined`, `label=disable` and `systempaths=unconfined`.",
  check({ file }) {
    return file.compose.services.flatMap(service =>
      securityOptions(service).flatMap(option => {
        const disabling = DISABLING[option.key];
        if (!disabling || !disabling.value.test(option.value ?? '')) return [];
        return [
          {
            range: option.range,
            message: `Service "${
              service.name
            }" sets \`${option.text.trim()}\`: it ${disabling.what}.`,
          },
        ];
      }),
    );
  },
});
