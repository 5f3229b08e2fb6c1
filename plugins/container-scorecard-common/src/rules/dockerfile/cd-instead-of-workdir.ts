import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';

/**
 * Flags a RUN that changes directory with `cd`, as hadolint's DL3003 does (one finding per RUN,
 * at its first `cd`, in every stage).
 */
export const cdInsteadOfWorkdir = defineRule({
  id: 'cd-instead-of-workdir',
  pillar: 'simplicity',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'cd used instead of WORKDIR',
  message: 'Use WORKDIR to change directory instead of `cd` in RUN.',
  rationale:
    'A Dockerfile should read as a recipe: where each step runs ought to be visible at a glance. `cd` inside a RUN lasts only for that step, so the next RUN silently starts somewhere else, and long `cd a && ... && cd ../b` chains hide which directory a command really ran in. WORKDIR states it once, applies to every later step and to the running process, and creates the directory if needed.',
  remediation: {
    description:
      'Set the directory with WORKDIR (absolute path) before the RUN; use a subshell or `-C`/`--prefix` options for one-off commands.',
    before: 'RUN cd /src/app && make install',
    after: 'WORKDIR /src/app\nRUN make install',
  },
  equivalents: { hadolint: 'DL3003', trivy: 'DS-0013' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3003',
    trivy: 'https://avd.aquasec.com/misconfig/ds013',
  },
  equivalentsNote:
    'Like hadolint, any `cd` in a RUN is reported, `cd -` and returns included; this rule also looks inside `sh -c` strings and RUN heredocs.',
  check({ file }) {
    const reports: RuleReport[] = [];
    for (const instruction of file.dockerfile.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const cd = instruction.shell.commands.find(c => c.program === 'cd');
      if (cd)
        reports.push({
          range: { start: cd.nameWord.range.start, end: cd.range.end },
        });
    }
    return reports;
  },
});
