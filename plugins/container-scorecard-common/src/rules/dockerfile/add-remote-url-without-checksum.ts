import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** The words of an ADD instruction (after its flags): sources then destination. */
function addArguments(instruction: DockerInstruction): string[] {
  const text = instruction.argumentsText.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON after all: read it as words
    }
  }
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const HTTP_URL = /^https?:\/\//i;
/** Git sources: `--checksum` does not apply to them (pin a commit instead). */
const GIT_SOURCE = /\.git([#?]|$)|^git@/i;

/** Flags `ADD <http(s) URL>` without `--checksum=`. */
export const addRemoteUrlWithoutChecksum = defineRule({
  id: 'add-remote-url-without-checksum',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'ADD of a remote URL without a checksum',
  message:
    'ADD fetches a URL without --checksum: the build takes whatever the server returns.',
  rationale:
    'A URL names a place, not content. What it serves can change between two builds, be replaced by an attacker, or be cut short, and ADD puts it in the image without a question. Reproducible images are built from inputs identified by their content.',
  remediation: {
    description:
      'Add `--checksum=sha256:<digest>` (BuildKit, Dockerfile 1.6+), or download with curl, verify with sha256sum and clean up in one RUN.',
    before:
      'ADD https://example.com/tool-1.4.2-linux-amd64.tar.gz /tmp/tool.tgz',
    after:
      'ADD --checksum=sha256:<digest> https://example.com/tool-1.4.2-linux-amd64.tar.gz /tmp/tool.tgz',
  },
  equivalents: {},
  equivalentsNote:
    'hadolint DL3020 (use COPY instead of ADD for local files) is a different check: it does not look at remote URLs.',
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      if (instruction.flags.some(f => f.name.toLowerCase() === 'checksum'))
        continue;
      const sources = addArguments(instruction).slice(0, -1);
      const remote = sources
        .map(
          source => model.resolve(source, instruction.range.start.line).value,
        )
        .filter(source => HTTP_URL.test(source) && !GIT_SOURCE.test(source));
      if (remote.length === 0) continue;
      reports.push({
        range: instruction.range,
        message: `ADD fetches ${remote.join(
          ', ',
        )} without --checksum: pin its sha256 so the build only accepts the content you verified.`,
      });
    }
    return reports;
  },
});
