import type { RuleEquivalents } from '../framework/ruleTypes';
import { analyze, createTestEngine } from '../../testing';

/**
 * One published example of a peer linter (a KICS positive/negative file, a Polaris
 * success/failure file, a kube-linter or Checkov example, a Trivy test input), ported as it is.
 * Used by the `<rule>.peers.test.ts` files to measure how often a rule agrees with the checks it
 * names as equivalents, and to pin down where it deliberately does not.
 */
export interface PeerCase {
  peer: keyof RuleEquivalents;
  /** The peer's check id or query name. */
  check: string;
  /** `owner/repo path` of the example, so the case can be checked against its origin. */
  source: string;
  /** What the example is about, for the test title. */
  name: string;
  /** The file as our engine reads it. */
  content: string;
  /** The file name, which decides how it is parsed (`k8s.yaml`, `docker-compose.yml`). */
  path: string;
  /**
   * For a rule that reports several things in one finding (k8s-missing-resource-limits: memory
   * limit and CPU request), only findings whose message matches count for this peer check.
   */
  findingMatches?: RegExp;
  /** Options of the rule under which it is compared (an off-by-default option the check maps to). */
  ruleOptions?: Record<string, unknown>;
  /** True when the peer reports this example (a positive/failure example). */
  peerReports: boolean;
  /**
   * Set only where this rule deliberately differs from the peer: why. The rule's verdict is then
   * the opposite of the peer's, and the reason is documented in the rule's `equivalentsNote`.
   */
  differsBecause?: string;
}

/** What the rule is expected to say on a case: the peer's verdict unless it deliberately differs. */
export function expectedReport(peerCase: PeerCase): boolean {
  return peerCase.differsBecause ? !peerCase.peerReports : peerCase.peerReports;
}

/**
 * The rule's findings on a case. A file the engine finds nothing to analyse in (a Deployment
 * with no pod template) has none, as for the peer; a file that fails to parse is an error, so a
 * broken port is not a silent pass.
 */
async function findingsOf(ruleId: string, peerCase: PeerCase) {
  const result = peerCase.ruleOptions
    ? (
        await createTestEngine({
          config: { rules: { [ruleId]: { options: peerCase.ruleOptions } } },
        })
      ).analyzeFile({ path: peerCase.path, content: peerCase.content })
    : await analyze(peerCase.content, peerCase.path);
  if (result.status === 'not-applicable') return [];
  if (result.status !== 'analysed' || result.ruleErrors?.length)
    throw new Error(`${peerCase.source} was not analysed (${result.status})`);
  return result.findings.filter(f => f.ruleId === ruleId);
}

/**
 * True when the rule reports at least one finding on the case's file. Several ids stand for
 * rules that together cover one peer check (Trivy DS-0001 is base-image-latest-tag plus
 * base-image-untagged).
 */
export async function ruleReports(
  ruleIds: string | readonly string[],
  peerCase: PeerCase,
): Promise<boolean> {
  for (const ruleId of typeof ruleIds === 'string' ? [ruleIds] : ruleIds) {
    const findings = await findingsOf(ruleId, peerCase);
    const matching = peerCase.findingMatches
      ? findings.filter(f => peerCase.findingMatches!.test(f.message))
      : findings;
    if (matching.length > 0) return true;
  }
  return false;
}

/** Agreement with each peer check: cases where the expected verdict is the peer's, of all. */
export function agreementByCheck(
  cases: readonly PeerCase[],
): Record<string, string> {
  const tally = new Map<string, { agree: number; total: number }>();
  for (const peerCase of cases) {
    const key = `${peerCase.peer} ${peerCase.check}`;
    const entry = tally.get(key) ?? { agree: 0, total: 0 };
    entry.total += 1;
    if (!peerCase.differsBecause) entry.agree += 1;
    tally.set(key, entry);
  }
  return Object.fromEntries(
    [...tally].map(([key, { agree, total }]) => [key, `${agree}/${total}`]),
  );
}

/** The title of a case's test: peer, check and what the example is about. */
export function peerCaseTitle(peerCase: PeerCase): string {
  return `${peerCase.peer} ${peerCase.check}: ${peerCase.name}`;
}

/**
 * Whether the rule says, on this case, what the peer says (or the opposite, where a documented
 * difference says so). Each `<rule>.peers.test.ts` asserts this for every case.
 */
export async function agreesAsExpected(
  ruleIds: string | readonly string[],
  peerCase: PeerCase,
): Promise<boolean> {
  return (await ruleReports(ruleIds, peerCase)) === expectedReport(peerCase);
}

/** The container every Trivy Kubernetes rego test uses, with its `securityContext` when given. */
export function trivyHelloContainer(
  securityContext?: Record<string, unknown>,
  name = 'hello',
): Record<string, unknown> {
  return {
    command: ['sh', '-c', "echo 'Hello' && sleep 1h"],
    image: 'busybox',
    name,
    ...(securityContext ? { securityContext } : {}),
  };
}

/**
 * A Trivy rego test's `input`: a Pod named `name` with this spec. Written out as JSON, which is
 * YAML too, so the engine reads the very document the test feeds to Trivy.
 */
export function trivyPodInput(
  name: string,
  spec: Record<string, unknown>,
): string {
  return `${JSON.stringify(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec },
    null,
    2,
  )}\n`;
}
