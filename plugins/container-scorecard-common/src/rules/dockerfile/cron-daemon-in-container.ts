import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandsOf,
  effectiveStartInstructions,
} from './helpers/dockerfileScope';
import { startedService } from './helpers/serviceCommands';

const CRON_DAEMONS = new Set(['cron', 'crond', 'anacron', 'fcron', 'cronie']);

function cronDaemonOf(command: ShellCommand): string | undefined {
  if (CRON_DAEMONS.has(command.program)) return command.program;
  if (command.program === 'busybox' && command.args[0]?.value === 'crond')
    return 'busybox crond';
  const service = startedService(command);
  return service && CRON_DAEMONS.has(service) ? service : undefined;
}

/** Flags a cron daemon run or started by the container's CMD/ENTRYPOINT. */
export const cronDaemonInContainer = defineRule({
  id: 'cron-daemon-in-container',
  pillar: 'one-concern',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Cron daemon in the container',
  message:
    'The container runs a cron daemon: schedule jobs with the platform (a Kubernetes CronJob, a scheduled task) instead.',
  rationale:
    "A cron daemon is a second, long-lived process that starts others on its own clock. Inside a container its jobs run unseen: their output is not the container's output, a failing job does not fail anything the platform watches, it runs once per replica when the service scales out, and it needs the whole image to stay up for a job that runs a minute a day.",
  remediation: {
    description:
      'Package the job as its own command and let the platform run it on a schedule: a Kubernetes CronJob, an ECS scheduled task, a CI schedule. Each run is then a container with its own logs and exit code.',
    before:
      'RUN echo "0 3 * * * /app/cleanup" | crontab -\nCMD cron && node server.js',
    after:
      'CMD ["node", "server.js"]\n# and a CronJob running the same image with: ["/app/cleanup"]',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of effectiveStartInstructions(model)) {
      for (const command of commandsOf(model, instruction)) {
        const daemon = cronDaemonOf(command);
        if (!daemon) continue;
        reports.push({
          range: instruction.range,
          message: `${instruction.keyword} runs the cron daemon (${daemon}): schedule the job with the platform instead.`,
        });
        break; // one finding per instruction
      }
    }
    return reports;
  },
});
