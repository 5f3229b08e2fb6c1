import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

const SSH_PORT = 22;

/** Whether an EXPOSE item (`22`, `22/tcp`, `20-25`, `20-25/tcp`) covers TCP port 22. */
function coversSshPort(item: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(item);
  if (!match) return false;
  if (match[3] && match[3].toLowerCase() !== 'tcp') return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= SSH_PORT && SSH_PORT <= high;
}

/**
 * Flags EXPOSE of TCP port 22 (as `22`, `22/tcp`, a range holding 22, or a build argument
 * whose default is one of those) in any stage. The fix removes a literal `22`/`22/tcp`, or the
 * whole instruction when it exposes nothing else.
 */
export const exposeSshPort = defineRule({
  id: 'expose-ssh-port',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'SSH port 22 exposed',
  message:
    'EXPOSE 22 advertises an SSH server: a container is entered with exec, not SSH.',
  rationale:
    'A container is one process, started and replaced by the platform; nobody should log into it. Exposing 22 means an SSH daemon with host keys and credentials lives in the image: a second long-running process, secrets baked into layers, and a network door that bypasses the audited way in (`docker exec`, `kubectl exec`, ephemeral debug containers).',
  remediation: {
    description:
      'Remove sshd and EXPOSE 22; use `docker exec` / `kubectl exec` (or a debug container) to look inside.',
    before: 'EXPOSE 22 8080',
    after: 'EXPOSE 8080',
  },
  equivalents: { trivy: 'DS-0004', checkov: 'CKV_DOCKER_1' },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ds004',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/ExposePort22.py',
  },
  equivalentsNote:
    'Trivy and Checkov only match a written `22`; this rule also reads ranges (`20-25`) and build arguments, and leaves `22/udp` alone since SSH runs over TCP.',
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of model.instructions) {
      if (
        instruction.keyword !== 'EXPOSE' ||
        instruction.argumentsStartOffset === undefined
      )
        continue;
      const items = [...instruction.argumentsText.matchAll(/\S+/g)]
        .filter(m => m[0] !== model.escapeChar)
        .map(m => ({
          raw: m[0],
          start: (instruction.argumentsStartOffset as number) + (m.index ?? 0),
        }));
      for (const item of items) {
        const { value, unresolved } = model.resolve(
          item.raw,
          instruction.range.start.line,
        );
        if (unresolved.length > 0) continue;
        const expanded = value.split(/\s+/).filter(Boolean);
        if (!expanded.some(coversSshPort)) continue;
        const end = item.start + item.raw.length;
        const literal = /^22(\/tcp)?$/i.test(item.raw);
        let fix: RuleReport['fix'];
        if (literal && items.length === 1) {
          const content = file.content;
          let stop = instruction.endOffset;
          if (content[stop] === '\r') stop++;
          if (content[stop] === '\n') stop++;
          fix = [
            {
              range: file.lineIndex.rangeOf(instruction.startOffset, stop),
              newText: '',
            },
          ];
        } else if (literal) {
          // Remove the item with the blanks before it (or after it, for the first item).
          const content = file.content;
          let from = item.start;
          while (
            from > 0 &&
            (content[from - 1] === ' ' || content[from - 1] === '\t')
          )
            from--;
          let to = end;
          if (item === items[0])
            while (
              to < content.length &&
              (content[to] === ' ' || content[to] === '\t')
            )
              to++;
          if (item === items[0]) from = item.start;
          fix = [{ range: file.lineIndex.rangeOf(from, to), newText: '' }];
        }
        reports.push({
          range: file.lineIndex.rangeOf(item.start, end),
          message:
            item.raw === value
              ? undefined
              : `EXPOSE ${item.raw} resolves to ${value}, which includes SSH port 22: a container is entered with exec, not SSH.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return reports;
  },
});
