import { defineRule } from '../framework/defineRule';
import { pairRangeOf, scalarText } from './composeHelpers';

/** The service keys that can join a host namespace, and what sharing it gives away. */
const NAMESPACE_KEYS: readonly { key: string; what: string }[] = [
  {
    key: 'network_mode',
    what: "the host's network stack (every interface and port)",
  },
  {
    key: 'pid',
    what: "the host's process table (it can see and signal every process)",
  },
  { key: 'ipc', what: "the host's shared memory and IPC" },
  {
    key: 'userns_mode',
    what: "the host's user namespace (user remapping is switched off)",
  },
  { key: 'uts', what: "the host's hostname and domain name" },
];

/** Flags services that join a host namespace: network_mode/pid/ipc/userns_mode/uts set to host. */
export const composeHostNamespaces = defineRule({
  id: 'compose-host-namespaces',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['compose'],
  title: 'Service shares a host namespace',
  message: 'This service shares a namespace with the host.',
  rationale:
    "Namespaces are what make a container a process with its own view of the machine: its own network, its own process tree, its own IPC. Joining the host's namespace throws that view away. With the host network a service can bind any host port and reach services listening on localhost; with the host PID namespace it can read other processes' environments and signal them. A bug in the service becomes a bug in the host.",
  remediation: {
    description:
      'Remove the key and use Compose networking: publish the ports you need with `ports:` and let services reach each other by name.',
    before:
      'services:\n  app:\n    image: acme/app:1.4\n    network_mode: host\n    pid: host',
    after:
      'services:\n  app:\n    image: acme/app:1.4\n    ports:\n      - "127.0.0.1:8080:8080"',
  },
  equivalents: {
    kics: 'Shared Host Network Namespace, Host Namespace is Shared, Shared Host IPC Namespace, Shared Host User Namespace',
  },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/071a71ff-f868-47a4-ac0b-3c59e4ab5443/',
  },
  equivalentsNote:
    'One rule for the host namespaces: KICS splits it into "Shared Host Network Namespace" (`network_mode: host`, the one linked), "Host Namespace is Shared" (`pid: host`), "Shared Host IPC Namespace" (`ipc: host`) and "Shared Host User Namespace" (`userns_mode: host`). This rule also reports `uts: host`, which no KICS query reads.',
  check({ file }) {
    return file.compose.services.flatMap(service =>
      NAMESPACE_KEYS.flatMap(({ key, what }) => {
        const value = scalarText(service.value[key]);
        if (value?.trim().toLowerCase() !== 'host') return [];
        return [
          {
            range: pairRangeOf(service, [key]),
            message: `Service "${service.name}" sets \`${key}: host\`: it shares ${what}.`,
          },
        ];
      }),
    );
  },
});
