import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  builtInRules,
  imageRules,
} from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../../engine';
import { findRepoRoot } from '../../corpus/readCorpus';
import { formatRulesMarkdown } from './formatRulesMarkdown';
import { catalogueRules } from './images/imageRuleMetadata';

const ALL_RULES = catalogueRules(builtInRules, imageRules);

describe('docs/rules.md', () => {
  it('is up to date with the rule metadata', async () => {
    const engine = await createNodeScorecardEngine();
    const expected = formatRulesMarkdown(ALL_RULES, engine.rulesetVersion);
    const path = resolve(findRepoRoot(__dirname), 'docs', 'rules.md');
    const actual = readFileSync(path, 'utf8');
    const stale = `${path} is out of date with the rule metadata: run "npm run docs:rules" in plugins/container-scorecard-node and commit the result.`;
    expect(actual === expected ? 'up to date' : stale).toBe('up to date');
  });

  it('makes each equivalent with a known page a link to it', async () => {
    const engine = await createNodeScorecardEngine();
    const text = formatRulesMarkdown(ALL_RULES, engine.rulesetVersion);
    const links = builtInRules.flatMap(rule =>
      Object.entries(rule.equivalentLinks ?? {}).map(([tool, url]) => ({
        id: (rule.equivalents as Record<string, string | undefined>)[tool],
        url,
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const { id, url } of links)
      expect(text).toContain(`[\`${id}\`](${url})`);
  });

  it('documents every registered rule with its metadata', async () => {
    const engine = await createNodeScorecardEngine();
    const text = formatRulesMarkdown(ALL_RULES, engine.rulesetVersion);
    for (const rule of ALL_RULES) {
      expect(text).toContain(`### \`${rule.id}\``);
      expect(text).toContain(rule.rationale);
      expect(text).toContain(rule.remediation.before.split('\n')[0]);
    }
  });

  it('lists the image rules with kind image, their pillar, severity and options', async () => {
    const engine = await createNodeScorecardEngine();
    const text = formatRulesMarkdown(ALL_RULES, engine.rulesetVersion);
    expect(imageRules.length).toBeGreaterThan(0);
    for (const rule of imageRules) {
      expect(text).toContain(
        `| [\`${rule.id}\`](#${rule.id}) | ${rule.pillar} | ${rule.severity} | image |`,
      );
    }
    expect(text).toContain('- `maxAgeDays` (number, default `90`): ');
    expect(text).toMatch(/Rules that apply to `image` check the images/);
  });
});
