import { builtInRules } from '../../engine/builtInRules';
import type { RuleEquivalents } from '../framework/ruleTypes';

/**
 * Where each peer tool documents or defines its rules. A link elsewhere (a blog, a mirror, a
 * search page) may vanish or say something else: the catalogue links only to the peer's own pages.
 */
const PEER_PAGES: Record<keyof RuleEquivalents, readonly string[]> = {
  hadolint: ['https://github.com/hadolint/hadolint/'],
  trivy: [
    'https://avd.aquasec.com/misconfig/',
    'https://github.com/aquasecurity/trivy-checks/',
    'https://trivy.dev/',
  ],
  checkov: [
    'https://www.checkov.io/',
    'https://github.com/bridgecrewio/checkov/',
    'https://docs.prismacloud.io/',
  ],
  kics: ['https://docs.kics.io/', 'https://github.com/Checkmarx/kics/'],
  kubeLinter: [
    'https://docs.kubelinter.io/',
    'https://github.com/stackrox/kube-linter/',
  ],
  polaris: [
    'https://polaris.docs.fairwinds.com/',
    'https://github.com/FairwindsOps/polaris/',
  ],
  kubeScore: ['https://github.com/zegl/kube-score/'],
};

const linked = builtInRules.flatMap(rule =>
  Object.entries(rule.equivalentLinks ?? {}).map(
    ([tool, url]) => [rule.id, tool, url ?? ''] as const,
  ),
);

describe('equivalent links', () => {
  it('exist for some rules (the checks below are not vacuous)', () => {
    expect(linked.length).toBeGreaterThan(0);
  });

  it.each(linked)(
    '%s: the %s link is an https URL on that tool’s own pages',
    (_, tool, url) => {
      const allowed = PEER_PAGES[tool as keyof RuleEquivalents];
      expect(allowed).toBeDefined();
      const parsed = new URL(url);
      expect(parsed.protocol).toBe('https:');
      expect(parsed.username + parsed.password).toBe('');
      expect(allowed.some(prefix => url.startsWith(prefix))).toBe(true);
    },
  );

  it.each(linked)(
    '%s: the %s link is for an equivalent the rule names',
    (id, tool) => {
      const rule = builtInRules.find(r => r.id === id);
      const equivalents = new Map(Object.entries(rule?.equivalents ?? {}));
      expect(equivalents.get(tool)).toEqual(expect.any(String));
    },
  );

  it.each(linked.filter(([, tool]) => tool === 'hadolint'))(
    '%s: the hadolint link names the DL rule it stands for',
    (id, _, url) => {
      const rule = builtInRules.find(r => r.id === id);
      // hadolint's pages are named by the rule (wiki/DL3006); a copy-paste slip shows here.
      expect(url).toContain(rule?.equivalents.hadolint?.split(/[ ,/]/)[0]);
    },
  );
});
