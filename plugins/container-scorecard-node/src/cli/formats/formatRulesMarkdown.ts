import {
  PILLARS,
  type RuleMetadata,
} from '@container-scorecard/plugin-container-scorecard-common';
import { sortRules } from './formatRules';
import { appliesToText, type CatalogueRule } from './images/imageRuleMetadata';

const TOOL_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  trivy: 'Trivy',
  checkov: 'Checkov',
  kics: 'KICS',
  kubeLinter: 'kube-linter',
  polaris: 'Polaris',
  kubeScore: 'kube-score',
};

function equivalentsOf(rule: RuleMetadata): string {
  const entries = Object.entries(rule.equivalents).filter(([, id]) => id);
  if (entries.length === 0) return 'none';
  const links: Record<string, string | undefined> = rule.equivalentLinks ?? {};
  return entries
    .map(([tool, id]) => {
      const link = links[tool];
      const code = `\`${id}\``;
      return `${TOOL_NAMES[tool] ?? tool} ${
        link ? `[${code}](${link})` : code
      }`;
    })
    .join(', ');
}

function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map(m => m.length));
  const ticks = '`'.repeat(longest + 1);
  let language = '';
  if (/^\s*(FROM|RUN|ARG|USER|CMD|ENTRYPOINT|COPY|#)/m.test(code))
    language = 'dockerfile';
  else if (/^\s*[\w.-]+:/m.test(code)) language = 'yaml';
  return `${ticks}${language}\n${code.replace(/\n$/, '')}\n${ticks}`;
}

function optionsOf(rule: RuleMetadata): string[] {
  const options = Object.entries(rule.options ?? {});
  if (options.length === 0) return [];
  return [
    '',
    '**Options**',
    '',
    ...options.map(
      ([name, spec]) =>
        `- \`${name}\` (${spec.type}, default \`${JSON.stringify(
          spec.default,
        )}\`): ${spec.description}`,
    ),
  ];
}

function ruleSection(rule: CatalogueRule): string[] {
  return [
    `### \`${rule.id}\``,
    '',
    `**${rule.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Pillar | ${
      PILLARS.find(p => p.id === rule.pillar)?.title ?? rule.pillar
    } |`,
    `| Severity | ${rule.severity} |`,
    `| Applies to | ${appliesToText(rule)} |`,
    `| Equivalents | ${equivalentsOf(rule)} |`,
    `| Fixable | ${rule.fixable ? 'yes (`--fix`)' : 'no'} |`,
    '',
    `Message: ${rule.message}`,
    '',
    `**Why.** ${rule.rationale}`,
    ...(rule.equivalentsNote
      ? ['', `_Equivalents:_ ${rule.equivalentsNote}`]
      : []),
    '',
    `**How to fix.** ${rule.remediation.description}`,
    '',
    'Before:',
    '',
    fence(rule.remediation.before),
    '',
    'After:',
    '',
    fence(rule.remediation.after),
    ...optionsOf(rule),
    '',
  ];
}

/**
 * The rule catalogue, docs/rules.md, generated from the rule metadata
 * (`npm run docs:rules` in plugins/container-scorecard-node). Deterministic: the same rules
 * always give the same text, so a test can tell when the file is stale.
 */
export function formatRulesMarkdown(
  rules: readonly CatalogueRule[],
  rulesetVersion: string,
): string {
  const sorted = sortRules(rules);
  const lines = [
    '# Container Scorecard rules',
    '',
    '<!-- Generated from the rule metadata by `npm run docs:rules` in plugins/container-scorecard-node. Do not edit by hand. -->',
    '',
    `${sorted.length} rules, ruleset \`${rulesetVersion}\` with the default configuration. ` +
      'Severities are defaults: `.container-scorecard.yaml` or app-config can change them, ' +
      'turn rules off and set options (see [cli.md](cli.md) and [scoring.md](scoring.md)).',
    '',
    ...(sorted.some(rule => rule.kind === 'image')
      ? [
          'Rules that apply to `image` check the images the definitions run, read from their ' +
            'registries (`--inspect-images` in the CLI, `containerScorecard.images` in the ' +
            'portal); they are configured under `images.rules` and have no automatic fix ' +
            '(see [images.md](images.md)).',
          '',
        ]
      : []),
    '| Rule | Pillar | Severity | Applies to | Equivalents | Fix |',
    '|---|---|---|---|---|---|',
    ...sorted.map(
      rule =>
        `| [\`${rule.id}\`](#${rule.id}) | ${rule.pillar} | ${
          rule.severity
        } | ${appliesToText(rule)} | ${equivalentsOf(rule)} | ${
          rule.fixable ? 'yes' : ''
        } |`,
    ),
    '',
  ];
  for (const pillar of PILLARS) {
    const ofPillar = sorted.filter(r => r.pillar === pillar.id);
    if (ofPillar.length === 0) continue;
    lines.push(`## ${pillar.title}`, '', pillar.summary, '');
    for (const rule of ofPillar) lines.push(...ruleSection(rule));
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
