import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandsIn,
  commandsOf,
  effectiveStartInstructions,
  finalImageInstructions,
} from './helpers/dockerfileScope';
import { osPackageInstall, packageName } from './helpers/packageCommands';
import { startedService } from './helpers/serviceCommands';

/** Programs that exist to start and babysit several processes. */
const SUPERVISORS: Record<string, string> = {
  supervisord: 'supervisord',
  's6-svscan': 's6',
  runsvdir: 'runit',
  runit: 'runit',
  'runit-init': 'runit',
  my_init: 'the baseimage my_init supervisor',
  systemd: 'systemd',
  monit: 'monit',
  circusd: 'circus',
};

/** Absolute paths of an init system run as the container's process. */
const INIT_PATHS: Record<string, string> = {
  '/init': 's6-overlay',
  '/sbin/init': 'an init system',
  '/usr/sbin/init': 'an init system',
  '/lib/systemd/systemd': 'systemd',
  '/usr/lib/systemd/systemd': 'systemd',
};

/** Packages that install a process supervisor. */
const SUPERVISOR_PACKAGES =
  /^(supervisor|supervisord|python3?-supervisor|runit|runit-init|s6|s6-overlay|monit|circus|systemd-sysv)$/;

/** Daemons other rules already report when started through init scripts. */
const REPORTED_ELSEWHERE = /^(ssh|sshd|cron|crond|anacron|dropbear)$/;

function supervisorOf(command: ShellCommand): string | undefined {
  const byPath = INIT_PATHS[command.name];
  if (byPath) return byPath;
  const byName = SUPERVISORS[command.program];
  if (byName) return byName;
  if (
    (command.program === 'pm2' || command.program === 'pm2-runtime') &&
    command.args.some(
      a => a.value === '-i' || a.value.startsWith('--instances'),
    )
  )
    return 'pm2 in cluster mode';
  return undefined;
}

function installsSupervisor(command: ShellCommand): string | undefined {
  const install = osPackageInstall(command);
  const pip =
    command.program.startsWith('pip') &&
    command.args.some(a => a.value === 'install');
  const words = install?.packages ?? (pip ? command.args : []);
  return words
    .map(w => packageName(w.value))
    .find(name => SUPERVISOR_PACKAGES.test(name));
}

/**
 * Flags a container whose process is a supervisor (supervisord, s6-overlay, runit, systemd,
 * monit, pm2 cluster) or that starts daemons through init scripts; failing that, a supervisor
 * installed into the shipped image.
 */
export const processSupervisor = defineRule({
  id: 'process-supervisor',
  pillar: 'one-concern',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'A process supervisor runs the container',
  message:
    'The container runs a process supervisor: it is several services in one box. Run one process per container.',
  rationale:
    'The platform already is the supervisor: it restarts a failed container, scales it, and reads its exit code and its output. A supervisor inside hides all of that, since a crashed child is restarted (or not) where nobody sees it, the container stays "healthy" while half of it is down, and the parts can no longer be scaled, updated or limited separately.',
  remediation: {
    description:
      'Give each program its own container (compose services, or containers of one pod) and let the orchestrator restart them. If PID 1 needs to reap zombies, use a minimal init such as tini or `docker run --init`.',
    before:
      'RUN apt-get install -y supervisor\nCOPY supervisord.conf /etc/supervisor/conf.d/\nCMD ["/usr/bin/supervisord", "-n"]',
    after:
      '# one image per program; compose or a pod runs them side by side\nCMD ["gunicorn", "app:app", "--bind", "0.0.0.0:8000"]',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of effectiveStartInstructions(model)) {
      for (const command of commandsOf(model, instruction)) {
        const supervisor = supervisorOf(command);
        const service = startedService(command);
        if (supervisor) {
          reports.push({
            range: instruction.range,
            message: `${instruction.keyword} runs ${supervisor}: the container becomes several services under a supervisor. Run one process per container.`,
          });
        } else if (service && !REPORTED_ELSEWHERE.test(service)) {
          reports.push({
            range: instruction.range,
            message: `${instruction.keyword} starts the "${service}" service through an init script: the daemon forks away from PID 1 and nobody watches it. Run it as its own container.`,
          });
        } else continue;
        break; // one finding per instruction
      }
    }
    if (reports.length > 0) return reports;
    // The start command may be a script we cannot read: a supervisor installed into the
    // shipped image is then the evidence.
    for (const { command } of commandsIn(
      model,
      finalImageInstructions(model),
    )) {
      const name = installsSupervisor(command);
      if (name)
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          message: `The image installs the "${name}" process supervisor: run one process per container instead.`,
        });
    }
    for (const instruction of finalImageInstructions(model)) {
      if (
        instruction.keyword === 'ADD' &&
        /s6-overlay/.test(instruction.argumentsText)
      )
        reports.push({
          range: instruction.range,
          message:
            'The image adds s6-overlay, a process supervisor: run one process per container instead.',
        });
    }
    return reports;
  },
});
