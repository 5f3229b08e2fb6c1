import {
  PILLARS,
  type RuleMetadata,
} from '@container-scorecard/plugin-container-scorecard-common';
import { appliesToText, type CatalogueRule } from './images/imageRuleMetadata';
import type { Palette } from './formatTty';
import { compareText } from '../compareText';

/** A rule as `container-scorecard rules` lists it. */
export interface ListedRule extends CatalogueRule {
  /** False when the configuration turns the rule off. */
  enabled: boolean;
}

/** Rules in catalogue order: by pillar (PRODUCT.md's order), then by id. */
export function sortRules<T extends RuleMetadata>(rules: readonly T[]): T[] {
  const pillarOrder = new Map(PILLARS.map((p, i) => [p.id, i]));
  return [...rules].sort(
    (a, b) =>
      (pillarOrder.get(a.pillar) ?? 99) - (pillarOrder.get(b.pillar) ?? 99) ||
      compareText(a.id, b.id),
  );
}

/** Every rule's metadata as JSON. */
export function formatRulesJson(
  rules: readonly ListedRule[],
  rulesetVersion: string,
): string {
  return `${JSON.stringify(
    {
      rulesetVersion,
      rules: sortRules(rules).map(rule => ({
        id: rule.id,
        title: rule.title,
        pillar: rule.pillar,
        severity: rule.severity,
        enabled: rule.enabled,
        appliesTo: rule.appliesTo,
        ...(rule.kind ? { kind: rule.kind } : {}),
        equivalents: rule.equivalents,
        ...(rule.equivalentLinks
          ? { equivalentLinks: rule.equivalentLinks }
          : {}),
        ...(rule.equivalentsNote
          ? { equivalentsNote: rule.equivalentsNote }
          : {}),
        fixable: rule.fixable,
        message: rule.message,
        rationale: rule.rationale,
        remediation: rule.remediation,
        ...(rule.options ? { options: rule.options } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** Every rule as a table for a terminal. */
export function formatRulesTty(
  rules: readonly ListedRule[],
  palette: Palette,
): string {
  const sorted = sortRules(rules);
  const idWidth = Math.max(...sorted.map(r => r.id.length), 4);
  const lines: string[] = [];
  for (const pillar of PILLARS) {
    const ofPillar = sorted.filter(r => r.pillar === pillar.id);
    if (ofPillar.length === 0) continue;
    lines.push(palette.bold(`${pillar.title} (${pillar.id})`));
    for (const rule of ofPillar) {
      const equivalents = Object.values(rule.equivalents).filter(Boolean);
      lines.push(
        `  ${rule.id.padEnd(idWidth)}  ${palette.severity(
          rule.severity,
          rule.severity.padEnd(8),
        )} ${appliesToText(rule, ',').padEnd(29)} ${
          rule.fixable ? 'fix' : '   '
        } ${rule.enabled ? '' : palette.dim('(disabled) ')}${rule.title}${
          equivalents.length ? palette.dim(`  [${equivalents.join(', ')}]`) : ''
        }`,
      );
    }
    lines.push('');
  }
  lines.push(`${sorted.length} rules`);
  return `${lines.join('\n')}\n`;
}
