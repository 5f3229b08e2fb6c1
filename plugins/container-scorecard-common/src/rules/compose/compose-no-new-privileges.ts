import type { LineIndex } from '../../text/LineIndex';
import type { ComposeService } from '../../parsing/compose/composeTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { isTrue } from './composeHelpers';
import { securityOptions } from './composeSecurityOptions';

/** Go's strconv.ParseBool, which Docker uses for the option's value. */
const GO_TRUE = /^(1|t|T|TRUE|true|True)$/;

function noNewPrivilegesReport(
  service: ComposeService,
  lineIndex: LineIndex,
): RuleReport[] {
  // A privileged service is reported by compose-privileged; no-new-privileges is moot there.
  if (isTrue(service.value.privileged)) return [];
  const options = securityOptions(service).filter(
    o => o.key === 'no-new-privileges',
  );
  const last = options[options.length - 1];
  if (last && (last.value === undefined || GO_TRUE.test(last.value))) return [];
  if (last) {
    const start = lineIndex.offsetAt(last.range.start);
    const raw = lineIndex.text.slice(start, lineIndex.offsetAt(last.range.end));
    const at = raw.lastIndexOf(last.value as string);
    return [
      {
        range: last.range,
        message: `Service "${
          service.name
        }" sets \`${last.text.trim()}\`: its processes can gain privileges through setuid binaries.`,
        fix:
          at >= 0
            ? [
                {
                  range: lineIndex.rangeOf(
                    start + at,
                    start + at + (last.value as string).length,
                  ),
                  newText: 'true',
                },
              ]
            : undefined,
      },
    ];
  }
  return [
    {
      range: service.locate(['security_opt'])?.keyRange ?? service.nameRange,
      message: `Service "${service.name}" does not set \`no-new-privileges:true\` in \`security_opt\`: its processes can gain privileges through setuid binaries.`,
    },
  ];
}

/** Flags services that do not set `no-new-privileges` (or set it to false) in `security_opt`. */
export const composeNoNewPrivileges = defineRule({
  id: 'compose-no-new-privileges',
  pillar: 'least-privilege',
  severity: 'low',
  appliesTo: ['compose'],
  fixable: true,
  title: 'Service does not set no-new-privileges',
  message:
    'This service does not set `no-new-privileges:true`: its processes can gain privileges through setuid binaries.',
  rationale:
    "A container is an ordinary process on the host kernel, and the kernel lets a process gain privileges by executing a setuid or setcap binary (su, sudo, ping, mount, anything a base image ships). `no-new-privileges` sets the kernel's no_new_privs bit on the container's first process: from then on no exec can raise privileges, so a compromised service stays the user it started as. An application that serves requests never needs to gain privileges while it runs, so the flag costs nothing.",
  remediation: {
    description:
      'Add `no-new-privileges:true` to the service\'s `security_opt` (or change `false` to `true`). With Docker Engine you can also make it the default for every container with `"no-new-privileges": true` in daemon.json.',
    before: 'services:\n  api:\n    image: acme/api:1.4\n    user: "10001"',
    after:
      'services:\n  api:\n    image: acme/api:1.4\n    user: "10001"\n    security_opt:\n      - no-new-privileges:true',
  },
  equivalents: { kics: 'No New Privileges Not Set' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/27fcc7d6-c49b-46e0-98f1-6c082a6a2750/',
  },
  equivalentsNote:
    'KICS only looks at services that already have a `security_opt` list and reports every entry of it that is not `no-new-privileges` (so `- apparmor:false` is reported, and so is a list holding both `no-new-privileges:true` and `seccomp=profile.json`). This rule reads the option the way Docker does: a service with no `security_opt` at all is reported (that is the default Docker gives it), a list that contains `no-new-privileges`, `no-new-privileges:true` or `=true` passes whatever else it holds, the last occurrence wins, and privileged services are left to compose-privileged.',
  check({ file }) {
    return file.compose.services.flatMap(service =>
      noNewPrivilegesReport(service, file.lineIndex),
    );
  },
});
