import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import { isRecord, scalarText, valueRangeOf } from './composeHelpers';

const ALL_INTERFACES = /^(0\.0\.0\.0|::|\[::\])$/;

/**
 * The host IP of a short-syntax port (`[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`): undefined
 * when there is none. Variables are read as opaque words, so `${BIND:-127.0.0.1}:80:80` has one.
 */
export function shortPortHostIp(spec: string): string | undefined {
  const text = spec.trim().replace(/\/\w+$/, '');
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    return close > 0 ? text.slice(0, close + 1) : undefined;
  }
  const variables: string[] = [];
  const masked = text.replace(/\$\{[^}]*\}/g, match => {
    variables.push(match);
    return `\u00a7${variables.length - 1}\u00a7`;
  });
  const parts = masked.split(':');
  if (parts.length < 3) return undefined;
  const ip = parts.slice(0, parts.length - 2).join(':');
  return ip.replace(/\u00a7(\d+)\u00a7/g, (_m, i) => variables[Number(i)]);
}

/** Flags published ports with no host IP (or 0.0.0.0): Docker binds them on every interface of the host. */
export const composePortsAllInterfaces = defineRule({
  id: 'compose-ports-all-interfaces',
  pillar: 'least-privilege',
  severity: 'low',
  appliesTo: ['compose'],
  title: 'Port published on all host interfaces',
  message:
    'This port is published on every interface of the host: anything that can reach the host can reach the service.',
  rationale:
    "Publishing a port is a hole from the host's network into one process. Without a host IP, Docker binds it on every interface (and inserts its own firewall rules ahead of the host's, so ufw or firewalld rules do not close it): a database or an admin console meant for the developer's machine is then open to the whole network the host sits on. That is compose's default, which is why it is so common; binding to 127.0.0.1, or to the one interface that should serve the traffic, makes the exposure a decision rather than an accident.",
  remediation: {
    description:
      'Put the host IP in front of the published port: `127.0.0.1:` for ports only the host itself uses, the address of the serving interface for public ones. Services that talk only to other services need no published port at all: they reach each other on the compose network.',
    before:
      'services:\n  db:\n    image: postgres:16.4\n    ports:\n      - "5432:5432"',
    after:
      'services:\n  db:\n    image: postgres:16.4\n    ports:\n      - "127.0.0.1:5432:5432"',
  },
  equivalents: { kics: 'Container Traffic Not Bound To Host Interface' },
  equivalentLinks: {
    kics: 'https://docs.kics.io/latest/queries/dockercompose-queries/451d79dc-0588-476a-ad03-3c7f0320abb3/',
  },
  equivalentsNote:
    'KICS looks for a dot in the entry (so an IPv6 host address or a host IP held in a variable is reported, and `0.0.0.0:80:80` passes) and, in the long syntax, for a dot in `published` rather than in `host_ip`. This rule reads the host IP as Docker does: a short entry with `HOST_IP:` or a long entry with `host_ip` passes unless the address is 0.0.0.0 or `::` (an address written into `published`, as in the KICS fixtures, counts too), and services on the host network (whose `ports` Docker ignores) are not reported.',
  check({ file }) {
    return file.compose.services.flatMap(service => {
      if (scalarText(service.value.network_mode) === 'host') return [];
      const ports = service.value.ports;
      if (!Array.isArray(ports)) return [];
      const reports: RuleReport[] = [];
      ports.forEach((entry, index) => {
        let range = valueRangeOf(service, ['ports', index]);
        const text = scalarText(entry);
        let ip: string | undefined;
        let shown: string;
        if (text !== undefined) {
          ip = shortPortHostIp(text);
          shown = text.trim();
        } else if (isRecord(entry)) {
          const published = scalarText(entry.published)?.trim();
          // KICS's fixtures write the address into `published` (`127.0.0.1:8080`): read it there too.
          ip =
            scalarText(entry.host_ip)?.trim() ||
            (published ? shortPortHostIp(`${published}:0`) : undefined);
          shown = published ?? scalarText(entry.target) ?? '';
          range =
            service.locate(['ports', index, 'published'])?.pairRange ??
            service.locate(['ports', index, 'target'])?.pairRange ??
            range;
        } else {
          return;
        }
        if (ip !== undefined && !ALL_INTERFACES.test(ip)) return;
        reports.push({
          range,
          message: `Service "${service.name}" publishes ${
            shown ? `\`${shown}\`` : 'a port'
          } on every interface of the host${
            ip ? ` (${ip})` : ''
          }: anything that can reach the host can reach it.`,
        });
      });
      return reports;
    });
  },
});
