import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn } from './helpers/dockerfileScope';

/**
 * The commands hadolint's DL3001 names: interactive or machine-administration tools that do
 * nothing useful in a build step. (`ifconfig` is named in hadolint's message, not in its list.)
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

/**
 * Flags RUN steps (and ONBUILD RUN triggers) that call machine-administration or interactive
 * tools (hadolint DL3001).
 */
export const pointlessContainerCommands = defineRule({
  id: 'pointless-container-commands',
  pillar: 'simplicity',
  severity: 'info',
  appliesTo: ['dockerfile'],
  title: 'Machine-administration command in RUN',
  message:
    'This command manages a machine (services, processes, mounts, sessions): it has no lasting effect in a build step.',
  rationale:
    "A build step is not a login session on a server. Starting a service, killing a process, mounting a disk or opening an editor in RUN affects only a throwaway build container: nothing of it survives into the image except confusion. Such lines usually mean a VM provisioning script was pasted into the Dockerfile; the process the container runs should be started by CMD, and the platform manages everything else. `ifconfig` is counted too (hadolint names it in its message but does not check it): the build container's network is not the one the running container gets.",
  remediation: {
    description:
      'Drop the command, or move what it tries to do to run time (CMD/ENTRYPOINT, the orchestrator).',
    before:
      'RUN apt-get install -y --no-install-recommends nginx && service nginx start',
    after:
      'RUN apt-get install -y --no-install-recommends nginx\nCMD ["nginx", "-g", "daemon off;"]',
  },
  equivalents: { hadolint: 'DL3001' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3001',
  },
  equivalentsNote:
    "Same scope as hadolint DL3001 (RUN and ONBUILD RUN, every stage; installing a package named like one of the commands, as `apt-get install ssh`, is not running it) and the same commands, plus `ifconfig`: hadolint's message names it but its source list leaves it out. hadolint compares the command name as written; this rule also sees commands run through sudo or env and inside `sh -c` strings.",
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { command } of commandsIn(model, model.instructions, ['RUN'], {
      onbuild: true,
    })) {
      if (!POINTLESS.has(command.program)) continue;
      reports.push({
        range: {
          start: command.nameWord.range.start,
          end: command.range.end,
        },
        message: `\`${command.program}\` manages a machine, not an image: it has no lasting effect in a build step.`,
      });
    }
    return reports;
  },
});
