import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/** The archive suffixes hadolint lets ADD extract (case-sensitive, as there). */
const ARCHIVE_SUFFIXES = [
  '.tar',
  '.Z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tZ',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
];
/** Flags only ADD understands: such an instruction cannot become a COPY. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

const dropQuotes = (word: string) => word.replace(/^["']+|["']+$/g, '');
const isArchive = (source: string) =>
  ARCHIVE_SUFFIXES.some(suffix => source.endsWith(suffix));
const isRemote = (source: string) =>
  /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/.test(source);

/** The source words of an ADD (all arguments but the destination), JSON or plain. */
function sourcesOf(instruction: DockerInstruction): string[] | undefined {
  const text = instruction.argumentsText.trim();
  let words: string[];
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text.replace(/\\\r?\n/g, ''));
      if (!Array.isArray(parsed)) return undefined;
      words = parsed.map(String);
    } catch {
      return undefined;
    }
  } else {
    words = text
      .split(/\s+/)
      .filter(word => word && word !== '\\' && word !== '`')
      .map(dropQuotes);
  }
  return words.length >= 2 ? words.slice(0, -1) : undefined;
}

/**
 * Flags ADD of local files and folders, following hadolint's DL3020: an ADD whose sources are
 * all archives (by suffix) or URLs is left alone, since that is what ADD is for. Beyond hadolint,
 * git sources are treated as remote, heredocs and sources from unknown build arguments are
 * skipped. The fix turns ADD into COPY when every source is local and no ADD-only flag is used.
 */
export const addInsteadOfCopy = defineRule({
  id: 'add-instead-of-copy',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'ADD used for local files',
  message:
    'Use COPY for local files and folders: ADD also fetches URLs and unpacks archives.',
  rationale:
    'An image should contain exactly what the recipe says. ADD quietly does more than copy: a local tarball is unpacked, a URL is downloaded at build time. For plain files and folders COPY does the same job with no surprise, so a reader knows that what is in the build context is what lands in the image.',
  remediation: {
    description:
      'Use COPY for files and folders; keep ADD only for archives you mean to unpack or remote sources with a checksum.',
    before: 'ADD requirements.txt /app/',
    after: 'COPY requirements.txt /app/',
  },
  equivalents: {
    hadolint: 'DL3020',
    trivy: 'DS-0005',
    checkov: 'CKV_DOCKER_4',
  },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3020',
    trivy:
      'https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/add_instead_of_copy.rego',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/AddExists.py',
  },
  equivalentsNote:
    'hadolint DL3020 and this rule exempt an ADD whose sources are all archives (by suffix: .tar, .gz, .tgz, .bz2, .xz, …) or URLs. Trivy DS-0005 exempts an ADD when its text contains ".tar", "http://", "https://" or "git@" anywhere (so `ADD file.tar.gz` and `ADD file.tar /dst` are exempt, but `ADD file.tgz` and `ADD file.gz` are flagged, and a local file next to a tarball is not). Checkov CKV_DOCKER_4 flags every ADD, and reports once per file. Beyond hadolint, git and ssh sources count as remote, and heredocs and sources from unknown build arguments are skipped.',
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      const raw = sourcesOf(instruction);
      if (!raw || raw.some(s => s.startsWith('<<'))) continue;
      const sources: string[] = [];
      let unknown = false;
      for (const source of raw) {
        const { value, unresolved } = model.resolve(
          source,
          instruction.range.start.line,
        );
        if (unresolved.length > 0) unknown = true;
        sources.push(value);
      }
      if (unknown) continue;
      if (sources.every(s => isArchive(s) || isRemote(s))) continue;
      const canFix =
        sources.every(s => !isArchive(s) && !isRemote(s)) &&
        !instruction.flags.some(flag => ADD_ONLY_FLAGS.has(flag.name));
      const start = instruction.range.start;
      reports.push({
        range: instruction.range,
        ...(canFix
          ? {
              fix: [
                {
                  range: {
                    start,
                    end: { line: start.line, column: start.column + 3 },
                  },
                  newText: 'COPY',
                },
              ],
            }
          : {}),
      });
    }
    return reports;
  },
});
