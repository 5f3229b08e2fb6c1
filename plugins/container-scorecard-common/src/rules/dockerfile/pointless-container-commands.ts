import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/**
 * The commands hadolint's DL3001 names: interactive or machine-administration tools that do
 * nothing useful in a build step. (`ifconfig` is in hadolint's documented list.)
 */
const POINTLESS = new Set([
  'free',
  'ifconfig',
  'kill',
  'mount',
  'ps',
  'service',
  'shutdown',
  'ssh',
  'top',
  'vim',
]);

/** Flags RUN steps that call machine-administration or interactive tools (hadolint DL3001). */
export const pointlessContainerCommands = defineRule({
  id: 'pointless-container-commands',
  pillar: 'simplicity',
  severity: 'info',
  appliesTo: ['dockerfile'],
  title: 'Machine-administration command in RUN',
  message:
    'This command manages a machine (services, processes, mounts, sessions): it has no lasting effect in a build step.',
  rationale:
    'A build step is not a login session on a server. Starting a service, killing a process, mounting a disk or opening an editor in RUN affects only a throwaway build container: nothing of it survives into the image except confusion. Such lines usually mean a VM provisioning script was pasted into the Dockerfile; the process the container runs should be started by CMD, and the platform manages everything else.',
  remediation: {
    description:
      'Drop the command, or move what it tries to do to run time (CMD/ENTRYPOINT, the orchestrator).',
    before:
      'RUN apt-get install -y --no-install-recommends nginx && service nginx start',
    after:
      'RUN apt-get install -y --no-install-recommends nginx\nCMD ["nginx", "-g", "daemon off;"]',
  },
  equivalents: { hadolint: 'DL3001' },
  equivalentsNote:
    'hadolint compares the command name as written; this rule also sees commands run through sudo or env and inside `sh -c` strings.',
  check({ file }) {
    const reports: RuleReport[] = [];
    for (const instruction of file.dockerfile.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      for (const command of instruction.shell.commands) {
        if (!POINTLESS.has(command.program)) continue;
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `\`${command.program}\` manages a machine, not an image: it has no lasting effect in a build step.`,
        });
      }
    }
    return reports;
  },
});
