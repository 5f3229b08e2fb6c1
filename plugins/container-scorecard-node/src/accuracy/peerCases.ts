import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The peer tools whose published test cases are ported, by the repositories that hold them. */
const PEER_REPOSITORIES: readonly [RegExp, string][] = [
  [/hadolint\/hadolint/i, 'hadolint'],
  [/Checkmarx\/kics/i, 'KICS'],
  [/FairwindsOps\/polaris/i, 'Polaris'],
  [/stackrox\/kube-linter/i, 'kube-linter'],
  [/aquasecurity\/trivy[\w-]*/i, 'Trivy'],
  [/bridgecrewio\/checkov/i, 'Checkov'],
  [/zegl\/kube-score/i, 'kube-score'],
];

/** A test file that ports a peer's cases. */
export interface PeerCaseFile {
  /** The rule the file tests (its name up to the first dot), as the file names it. */
  rule: string;
  /** Relative to the rules directory. */
  file: string;
  peers: string[];
  /** The peer sources cited: `hadolint/hadolint test/Hadolint/Rule/DL3009Spec.hs`. */
  sources: string[];
  /** The file's own agreement table, when it has one: `24/24`. */
  agreement?: string;
  /** Its deliberate differences, as that table states them. */
  differences?: string;
}

const SOURCE = new RegExp(
  `(${PEER_REPOSITORIES.map(([pattern]) => pattern.source).join(
    '|',
  )})(?:/(?:blob|tree)/[\\w.-]+)?[/ ]([\\w./-]+\\w)`,
  'gi',
);

/** The `| assertions | agreed | deliberate differences |` table some ported specs carry. */
function agreementOf(
  text: string,
): { agreement: string; differences: string } | undefined {
  const match =
    /\|\s*assertions\s*\|\s*agreed\s*\|[^\n]*\n[\s*]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*([^|\n]*)\|/i.exec(
      text,
    );
  if (!match) return undefined;
  return {
    agreement: `${match[2]}/${match[1]}`,
    differences: match[3].trim(),
  };
}

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap(entry => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Which rule tests port a peer's published cases: every test file under `rulesDirectory` that
 * cites a peer's repository (a URL or an `owner/repo path` citation), with the sources it cites.
 */
export function findPeerCaseFiles(rulesDirectory: string): PeerCaseFile[] {
  const found: PeerCaseFile[] = [];
  for (const path of testFiles(rulesDirectory).sort()) {
    const text = readFileSync(path, 'utf8');
    const peers = PEER_REPOSITORIES.filter(([pattern]) =>
      pattern.test(text),
    ).map(([, name]) => name);
    if (peers.length === 0) continue;
    const file = relative(rulesDirectory, path).split('\\').join('/');
    // The link-host test names every peer without porting any case.
    if (file.startsWith('equivalents/')) continue;
    const sources = [
      ...new Set([
        ...[...text.matchAll(SOURCE)].map(m => `${m[1]} ${m[m.length - 1]}`),
        // hadolint's specs are often cited by name alone (`hadolint DL3003Spec`).
        ...[...text.matchAll(/\b(DL\d{4})Spec\b/g)].map(
          m => `hadolint/hadolint test/Hadolint/Rule/${m[1]}Spec.hs`,
        ),
      ]),
    ].sort();
    const name = file.split('/').pop() ?? file;
    found.push({
      rule: name.slice(0, name.indexOf('.')),
      file,
      peers,
      sources,
      ...agreementOf(text),
    });
  }
  return found;
}
