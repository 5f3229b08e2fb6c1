import type { Finding, FindingSuppression } from '../model/types';
import type { RuleMetadata } from '../rules/framework/ruleTypes';
import { firstDirectivesOf } from './directiveIndex';
import type { ScopedDirective } from './findSuppressionDirectives';

/** A central waiver from configuration. */
export interface ConfigWaiver {
  rule: string;
  /** Paths (with `*` and `**` wildcards) the waiver applies to; all paths when absent. */
  paths?: readonly string[];
  reason: string;
  until?: string;
}

/** Today's date as `YYYY-MM-DD` (UTC), the form `until` is written in. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Marks findings covered by a waiver. Nothing is dropped: a waived finding keeps its place with
 * `suppressed`, and a finding whose only waivers have expired carries `expiredSuppression`.
 */
export function applySuppressions(
  findings: Finding[],
  directives: ScopedDirective[],
  waivers: readonly ConfigWaiver[],
  rulesById: ReadonlyMap<string, RuleMetadata>,
  now: Date,
): Finding[] {
  const today = isoDay(now);
  const isActive = (s: { until?: string }) =>
    s.until === undefined || s.until >= today;
  // Comments first, in file order, then configured waivers in order: the first in force wins,
  // else the first of all is reported as expired.
  const firsts = firstDirectivesOf(findings, directives, rulesById, isActive);
  const pathMatchesCached = cachedPathMatcher();
  return findings.map((finding, index) => {
    const { first, firstActive } = firsts[index];
    let active = firstActive && suppressionOf(firstActive);
    let firstMatch = first && suppressionOf(first);
    if (!active) {
      for (const waiver of waivers) {
        if (waiver.rule !== finding.ruleId) continue;
        if (
          waiver.paths &&
          !waiver.paths.some(p => pathMatchesCached(finding.path, p))
        )
          continue;
        const suppression: FindingSuppression = {
          reason: waiver.reason,
          until: waiver.until,
          source: 'config',
        };
        firstMatch ??= suppression;
        if (isActive(suppression)) {
          active = suppression;
          break;
        }
      }
    }
    if (!firstMatch) return finding;
    if (active) return { ...finding, suppressed: stripUndefined(active) };
    return { ...finding, expiredSuppression: stripUndefined(firstMatch) };
  });
}

function suppressionOf(directive: ScopedDirective): FindingSuppression {
  return {
    reason: directive.reason,
    until: directive.until,
    source: directive.source,
  };
}

/** `pathMatches` compiles a pattern per call: every finding of a file asks the same question. */
function cachedPathMatcher(): (path: string, pattern: string) => boolean {
  const answers = new Map<string, boolean>();
  return (path, pattern) => {
    const key = `${pattern}\u0000${path}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = pathMatches(path, pattern);
      answers.set(key, answer);
    }
    return answer;
  };
}

function stripUndefined(suppression: FindingSuppression): FindingSuppression {
  return suppression.until === undefined
    ? { reason: suppression.reason, source: suppression.source }
    : suppression;
}

/** Matches a path against a pattern with `*` (within a segment) and `**` (any depth). */
export function pathMatches(path: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(path.replace(/^\.?\//, ''));
}
