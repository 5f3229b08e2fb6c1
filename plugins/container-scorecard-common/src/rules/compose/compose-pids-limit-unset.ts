import { defineRule } from '../framework/defineRule';
import { isRecord, pairRangeOf, scalarText } from './composeHelpers';

type PidsLimit = 'limited' | 'unlimited' | 'unset';

/** A limit is a positive whole number; 0 and -1 mean none; a variable is trusted to hold one. */
function judge(value: unknown): PidsLimit {
  if (value === undefined || value === null) return 'unset';
  const text = scalarText(value)?.trim();
  if (text === undefined) return 'unset';
  if (text.includes('$')) return 'limited';
  return /^\d+$/.test(text) && Number(text) > 0 ? 'limited' : 'unlimited';
}

/** Flags services with no process limit (`pids_limit` or `deploy.resources.limits.pids`). */
export const composePidsLimitUnset = defineRule({
  id: 'compose-pids-limit-unset',
  pillar: 'lifecycle',
  severity: 'low',
  appliesTo: ['compose'],
  title: 'Service has no process limit',
  message:
    "This service sets no `pids_limit`: a fork bomb or a leak of threads can exhaust the host's process table.",
  rationale:
    "Process IDs are a host-wide resource: every container's processes and threads come out of the same kernel table. A service with no PID limit can, through a bug that spawns a thread per request or through a fork bomb, take every free PID, and then nothing else on the host (other containers, sshd, the runtime itself) can start a process. A limit far above what the service really runs (a few hundred for most services) costs nothing and keeps a runaway inside its own container.",
  remediation: {
    description:
      'Set `pids_limit` on the service (or `deploy.resources.limits.pids`) to a comfortable multiple of the processes and threads it really runs.',
    before: 'services:\n  api:\n    image: acme/api:1.4\n    mem_limit: 512m',
    after:
      'services:\n  api:\n    image: acme/api:1.4\n    mem_limit: 512m\n    pids_limit: 200',
  },
  equivalents: { kics: 'Pids Limit Not Set' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/221e0658-cb2a-44e3-b08a-db96a341d6fa/',
  },
  equivalentsNote:
    "KICS checks only files that declare a `version` below 3 (the 3.x file format had dropped `pids_limit`) and reads only `pids_limit`. The Compose Specification that today's `docker compose` implements accepts `pids_limit` again whatever the version, as well as `deploy.resources.limits.pids`, so this rule checks every service, reads both, and treats 0 and -1 as no limit, like KICS's -1.",
  check({ file }) {
    return file.compose.services.flatMap(service => {
      const deploy = isRecord(service.value.deploy) ? service.value.deploy : {};
      const resources = isRecord(deploy.resources) ? deploy.resources : {};
      const limits = isRecord(resources.limits) ? resources.limits : {};
      const own = judge(service.value.pids_limit);
      const fromDeploy = judge(limits.pids);
      if (own === 'limited' || fromDeploy === 'limited') return [];
      if (own === 'unlimited') {
        return [
          {
            range: pairRangeOf(service, ['pids_limit']),
            message: `Service "${service.name}" sets \`pids_limit\` to no limit: a fork bomb or a leak of threads can exhaust the host's process table.`,
          },
        ];
      }
      if (fromDeploy === 'unlimited') {
        return [
          {
            range: pairRangeOf(service, [
              'deploy',
              'resources',
              'limits',
              'pids',
            ]),
            message: `Service "${service.name}" sets \`deploy.resources.limits.pids\` to no limit: a fork bomb or a leak of threads can exhaust the host's process table.`,
          },
        ];
      }
      return [
        {
          range: service.nameRange,
          message: `Service "${service.name}" sets no \`pids_limit\`: a fork bomb or a leak of threads can exhaust the host's process table.`,
        },
      ];
    });
  },
});
