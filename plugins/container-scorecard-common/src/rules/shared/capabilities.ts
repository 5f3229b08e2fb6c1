/**
 * Linux capabilities that amount to, or quickly lead to, root on the host or node. Compose and
 * Kubernetes rules share the list so the two file kinds never disagree about what is dangerous.
 */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'BPF',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'SYSLOG',
]);
