import { createHash } from 'node:crypto';
import type { BaselineBlocks } from '../corpus/corpusBaseline';

/** One finding of the recorded corpus baseline. */
export interface SampledFinding {
  rule: string;
  /** Corpus path, e.g. `dockerfiles/0001.Dockerfile`. */
  path: string;
  /** `line:column`, as the baseline records it. */
  position: string;
}

/** A hand judgement of one sampled finding. */
export interface Judgement extends SampledFinding {
  verdict: boolean;
  reason: string;
}

/** How many findings of each rule the sample takes, by default. */
export const DEFAULT_PER_RULE = 2;

export function findingKey(finding: SampledFinding): string {
  return `${finding.rule}\t${finding.path}\t${finding.position}`;
}

/**
 * The unsuppressed findings of the recorded baseline (`corpus-baseline.txt`). The baseline test
 * keeps that file equal to what the engine finds, so the sample needs no corpus run of its own.
 */
export function baselineFindings(blocks: BaselineBlocks): SampledFinding[] {
  const findings: SampledFinding[] = [];
  for (const [path, lines] of blocks) {
    for (const line of lines.slice(1)) {
      const [rule, position, flag] = line.trim().split(' ');
      // A finding suppressed in the file is shown as suppressed, not as a problem.
      if (flag === 'suppressed') continue;
      findings.push({ rule, path, position });
    }
  }
  return findings;
}

function stableRank(finding: SampledFinding): string {
  return createHash('sha256').update(findingKey(finding)).digest('hex');
}

/**
 * A stratified, deterministic sample: for every rule with findings, the `perRule` findings whose
 * key hashes lowest. A rule with many findings is not over-represented, every rule that fires is
 * in it, and a change to one rule's findings moves only that rule's part of the sample.
 */
export function sampleFindings(
  findings: readonly SampledFinding[],
  perRule: number = DEFAULT_PER_RULE,
): SampledFinding[] {
  const byRule = new Map<string, { finding: SampledFinding; rank: string }[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule) ?? [];
    list.push({ finding, rank: stableRank(finding) });
    byRule.set(finding.rule, list);
  }
  return [...byRule.keys()].sort().flatMap(rule =>
    byRule
      .get(rule)!
      .sort((a, b) => (a.rank < b.rank ? -1 : Number(a.rank > b.rank)))
      .slice(0, perRule)
      .map(entry => entry.finding),
  );
}

const HEADER = ['rule', 'path', 'position', 'verdict', 'reason'];

/**
 * Reads `docs/accuracy/judgements.tsv`: a header, then one tab-separated line per judged finding
 * (rule, corpus path, line:column, `true` or `false`, the reason). Lines starting with `#` are
 * comments. Throws on a malformed line or a finding judged twice, naming the line.
 */
export function parseJudgements(text: string): Judgement[] {
  const judgements: Judgement[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  let headerSeen = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t');
    const where = `judgements line ${index + 1}`;
    if (!headerSeen) {
      if (fields.join('\t') !== HEADER.join('\t'))
        throw new Error(`${where}: expected the header ${HEADER.join(' ')}`);
      headerSeen = true;
      return;
    }
    if (fields.length !== HEADER.length)
      throw new Error(
        `${where}: expected ${HEADER.length} tab-separated fields, got ${fields.length}`,
      );
    const [rule, path, position, verdict, reason] = fields;
    if (!/^\d+:\d+$/.test(position))
      throw new Error(`${where}: position "${position}" is not line:column`);
    if (verdict !== 'true' && verdict !== 'false')
      throw new Error(`${where}: verdict must be true or false`);
    if (reason.trim().length < 10)
      throw new Error(`${where}: a verdict needs its reason`);
    const judgement = {
      rule,
      path,
      position,
      verdict: verdict === 'true',
      reason,
    };
    const key = findingKey(judgement);
    if (seen.has(key)) throw new Error(`${where}: ${key} is judged twice`);
    seen.add(key);
    judgements.push(judgement);
  });
  if (!headerSeen) throw new Error('judgements: no header line');
  return judgements;
}

export function formatJudgementLine(judgement: Judgement): string {
  return [
    judgement.rule,
    judgement.path,
    judgement.position,
    String(judgement.verdict),
    judgement.reason,
  ].join('\t');
}

/** Precision of one rule, or of the whole sample. */
export interface Precision {
  judged: number;
  truePositives: number;
  /** truePositives / judged; undefined when nothing is judged. */
  precision?: number;
}

export interface AccuracyReport {
  sample: SampledFinding[];
  overall: Precision;
  byRule: Map<string, Precision>;
  /** Sampled findings with no judgement yet. */
  unjudged: SampledFinding[];
  /** Judgements of findings that are no longer in the sample (the rule changed). */
  stale: Judgement[];
  falsePositives: Judgement[];
}

function precisionOf(judged: readonly Judgement[]): Precision {
  const truePositives = judged.filter(j => j.verdict).length;
  return {
    judged: judged.length,
    truePositives,
    ...(judged.length ? { precision: truePositives / judged.length } : {}),
  };
}

/** Matches the sample with the judgements: precision overall and per rule, and what is missing. */
export function accuracyReport(
  sample: readonly SampledFinding[],
  judgements: readonly Judgement[],
): AccuracyReport {
  const byKey = new Map(judgements.map(j => [findingKey(j), j]));
  const sampled = new Set(sample.map(findingKey));
  const judged: Judgement[] = [];
  const unjudged: SampledFinding[] = [];
  for (const finding of sample) {
    const judgement = byKey.get(findingKey(finding));
    if (judgement) judged.push(judgement);
    else unjudged.push(finding);
  }
  const byRule = new Map<string, Precision>();
  for (const rule of [...new Set(sample.map(f => f.rule))].sort())
    byRule.set(rule, precisionOf(judged.filter(j => j.rule === rule)));
  return {
    sample: [...sample],
    overall: precisionOf(judged),
    byRule,
    unjudged,
    stale: judgements.filter(j => !sampled.has(findingKey(j))),
    falsePositives: judged.filter(j => !j.verdict),
  };
}
