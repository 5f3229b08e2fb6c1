import type { ShellCommand } from '../../../parsing/shell/shellTypes';

const START_ACTIONS = new Set(['start', 'restart', 'enable', 'add']);

/**
 * The service a command starts or enables through an init system, when it does:
 * `service ssh start`, `/etc/init.d/cron start`, `systemctl enable sshd`, `rc-service crond
 * start`, `rc-update add sshd`.
 */
export function startedService(command: ShellCommand): string | undefined {
  const values = command.args.map(a => a.value);
  if (command.program === 'service' || command.program === 'rc-service') {
    const [name, action] = values.filter(v => !v.startsWith('-'));
    return name && action && START_ACTIONS.has(action) ? name : undefined;
  }
  if (
    command.name.startsWith('/etc/init.d/') ||
    command.name.startsWith('/etc/rc.d/')
  ) {
    return values[0] && START_ACTIONS.has(values[0])
      ? command.program
      : undefined;
  }
  if (command.program === 'systemctl' || command.program === 'rc-update') {
    const [action, name] = values.filter(v => !v.startsWith('-'));
    if (!action || !name || !START_ACTIONS.has(action)) return undefined;
    return name.replace(/\.service$/, '');
  }
  return undefined;
}
