import type { Finding, FindingSuppression } from '../model/types';
import type { RuleMetadata } from '../rules/framework/ruleTypes';
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
  return findings.map(finding => {
    const matches: FindingSuppression[] = [];
    for (const directive of directives) {
      if (!directiveMatches(directive, finding, rulesById)) continue;
      matches.push({
        reason: directive.reason,
        until: directive.until,
        source: directive.source,
      });
    }
    for (const waiver of waivers) {
      if (waiver.rule !== finding.ruleId) continue;
      if (waiver.paths && !waiver.paths.some(p => pathMatches(finding.path, p)))
        continue;
      matches.push({
        reason: waiver.reason,
        until: waiver.until,
        source: 'config',
      });
    }
    if (matches.length === 0) return finding;
    const active = matches.find(m => m.until === undefined || m.until >= today);
    if (active) return { ...finding, suppressed: stripUndefined(active) };
    return { ...finding, expiredSuppression: stripUndefined(matches[0]) };
  });
}

function directiveMatches(
  directive: ScopedDirective,
  finding: Finding,
  rulesById: ReadonlyMap<string, RuleMetadata>,
): boolean {
  const ids =
    directive.source === 'hadolint'
      ? [rulesById.get(finding.ruleId)?.equivalents.hadolint].filter(Boolean)
      : [finding.ruleId];
  if (!ids.some(id => directive.ids.includes(id as string))) return false;
  if (!directive.lines) return true;
  const line = finding.range.start.line;
  return line >= directive.lines.from && line <= directive.lines.to;
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
