import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { commandsIn, finalImageInstructions } from './helpers/dockerfileScope';
import { osPackageInstall, packageName } from './helpers/packageCommands';
import { startedService } from './helpers/serviceCommands';

const SSH_SERVER_PROGRAMS = new Set(['sshd', 'dropbear']);
const SSH_SERVICES = new Set(['ssh', 'sshd', 'dropbear']);

function sshServerPackage(command: ShellCommand): string | undefined {
  const install = osPackageInstall(command);
  if (!install) return undefined;
  return install.packages
    .map(p => packageName(p.value))
    .find(
      name =>
        /^openssh-server(-.*)?$/.test(name) ||
        /^dropbear(-.*)?$/.test(name) ||
        // Alpine's and openSUSE's "openssh" includes the server.
        (name === 'openssh' &&
          (install.manager === 'apk' || install.manager === 'zypper')),
    );
}

/** Flags an SSH server installed into, or started by, the shipped image. */
export const sshdInContainer = defineRule({
  id: 'sshd-in-container',
  pillar: 'one-concern',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'SSH server in the container',
  message:
    'The image installs or starts an SSH server: use `docker exec` / `kubectl exec` instead.',
  rationale:
    "A container is one process, reached through its platform, not a machine you log in to. An SSH daemon is a second process with its own keys, passwords and open port: a door into the container that bypasses the platform's access control and audit, and changes made through it vanish on the next deploy anyway.",
  remediation: {
    description:
      'Remove the SSH server. To debug, use `docker exec`, `kubectl exec` or an ephemeral debug container; to copy files, use `docker cp` or `kubectl cp`.',
    before:
      'RUN apt-get install -y openssh-server\nEXPOSE 22\nCMD service ssh start && node server.js',
    after: 'CMD ["node", "server.js"]',
  },
  equivalents: {},
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    const found = commandsIn(model, finalImageInstructions(model), [
      'RUN',
      'CMD',
      'ENTRYPOINT',
    ]);
    for (const { instruction, command } of found) {
      const range = {
        start: command.nameWord.range.start,
        end: command.range.end,
      };
      const pkg = sshServerPackage(command);
      const service = startedService(command);
      if (pkg) {
        reports.push({
          range,
          message: `The image installs the SSH server "${pkg}": use docker/kubectl exec instead of SSH.`,
        });
      } else if (SSH_SERVER_PROGRAMS.has(command.program)) {
        reports.push({
          range,
          message: `${instruction.keyword} runs the SSH server ${command.program}: use docker/kubectl exec instead of SSH.`,
        });
      } else if (service && SSH_SERVICES.has(service)) {
        reports.push({
          range,
          message: `${instruction.keyword} starts the SSH service "${service}": use docker/kubectl exec instead of SSH.`,
        });
      }
    }
    return reports;
  },
});
