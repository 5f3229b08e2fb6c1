import {
  defineRule,
  type ScorecardRule,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { AnalysisTestHooks } from './types';

const ALL_KINDS = ['dockerfile', 'compose', 'kubernetes'] as const;

function hookRule(
  id: string,
  marker: string,
  misbehave: () => void,
): ScorecardRule {
  return defineRule({
    id,
    pillar: 'simplicity',
    severity: 'info',
    appliesTo: ALL_KINDS,
    title: `Test hook: ${id}`,
    message: 'Never reported.',
    rationale: 'Stands in for pathological input in tests.',
    remediation: { description: 'None.', before: '', after: '' },
    equivalents: {},
    check: ({ file }) => {
      if (file.path.includes(marker)) misbehave();
      return [];
    },
  });
}

/**
 * Rules that misbehave on marked files, for tests only: a CPU-bound loop that never yields (only
 * ending the thread stops it) and an allocation that exhausts the worker's heap.
 *
 * @public
 */
export function analysisTestRules(hooks: AnalysisTestHooks): ScorecardRule[] {
  const rules: ScorecardRule[] = [];
  if (hooks.slowFileMarker) {
    rules.push(
      hookRule('test-hook-slow-file', hooks.slowFileMarker, () => {
        // eslint-disable-next-line no-constant-condition
        for (let i = 0; ; i++) if (i < 0) return;
      }),
    );
  }
  if (hooks.crashFileMarker) {
    rules.push(
      hookRule('test-hook-crash-file', hooks.crashFileMarker, () => {
        const held: number[][] = [];
        for (;;) held.push(new Array(1_000_000).fill(held.length));
      }),
    );
  }
  return rules;
}
