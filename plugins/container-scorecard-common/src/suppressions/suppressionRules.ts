import { defineRule } from '../rules/framework/defineRule';
import type { ParsedFile, RuleReport } from '../rules/framework/ruleTypes';
import { directivesOfFile } from './directivesOfFile';

function commentRange(file: ParsedFile, line: number) {
  const text = file.lineIndex.lineText(line);
  const column = Math.max(1, text.indexOf('#') + 1);
  return { start: { line, column }, end: { line, column: text.length + 1 } };
}

/**
 * A waiver without a reason is still honoured (blocking a build over a missing sentence helps
 * nobody) but reported, so reviewers see waivers nobody explained.
 */
export const suppressionWithoutReason = defineRule({
  id: 'suppression-without-reason',
  pillar: 'simplicity',
  severity: 'info',
  appliesTo: ['dockerfile', 'compose', 'kubernetes'],
  title: 'Waiver without a reason',
  message:
    'This waiver gives no reason: add reason="..." so the next reader knows why.',
  rationale:
    'A waiver is a decision about risk. Without a written reason nobody can tell later whether it still holds, and waivers outlive the people who wrote them.',
  remediation: {
    description:
      'Say why the rule does not apply here, and when to look again.',
    before: '# scorecard ignore=no-user-in-final-stage',
    after:
      '# scorecard ignore=no-user-in-final-stage reason="init container must chown the volume" until=2026-06-30',
  },
  equivalents: {},
  check({ file }) {
    return directivesOfFile(file)
      .filter(d => d.source === 'inline' && d.reason === '')
      .map((d): RuleReport => ({ range: commentRange(file, d.line) }));
  },
});

/**
 * Waivers that cannot be read as intended: a malformed date. Reported so that a typo does not
 * silently turn a temporary waiver into a permanent one.
 */
export const invalidSuppression = defineRule({
  id: 'invalid-suppression',
  pillar: 'simplicity',
  severity: 'info',
  appliesTo: ['dockerfile', 'compose', 'kubernetes'],
  title: 'Malformed waiver',
  message: 'This waiver comment is malformed.',
  rationale:
    'A waiver that does not say what its author meant (an unreadable expiry date) either waives too much or too little; both go unnoticed unless reported.',
  remediation: {
    description: 'Write the expiry as YYYY-MM-DD.',
    before:
      '# scorecard ignore=base-image-latest-tag reason="spike" until=31/12/2026',
    after:
      '# scorecard ignore=base-image-latest-tag reason="spike" until=2026-12-31',
  },
  equivalents: {},
  check({ file }) {
    return directivesOfFile(file).flatMap(d =>
      d.problems.map(
        (problem): RuleReport => ({
          range: commentRange(file, d.line),
          message: `Malformed waiver: ${problem}.`,
        }),
      ),
    );
  },
});

/** Rules the engine always runs: they report on waivers themselves. */
export const suppressionRules = [suppressionWithoutReason, invalidSuppression];
