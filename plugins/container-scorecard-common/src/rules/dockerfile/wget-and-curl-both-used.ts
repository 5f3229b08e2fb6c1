import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { runInstructions } from './helpers/runCommandFacts';

const DOWNLOADERS = new Set(['curl', 'wget']);

/**
 * Flags a RUN that uses curl or wget when the other one is already used in the same stage, and
 * an ONBUILD RUN that uses one when another trigger used the other, as hadolint DL4001 does.
 */
export const wgetAndCurlBothUsed = defineRule({
  id: 'wget-and-curl-both-used',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'Both wget and curl used',
  message:
    'This stage downloads with both wget and curl: pick one and drop the other from the image.',
  rationale:
    'wget and curl do the same job. Using both means two HTTP clients, each with its own TLS stack, dependencies and security updates, in an image whose process needs neither at run time. One download tool, ideally used only in a build stage, keeps the image smaller and its attack surface smaller.',
  remediation: {
    description:
      'Use the same tool for every download of the stage (and consider doing the downloads in a build stage).',
    before:
      'RUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
    after:
      'RUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
  },
  equivalents: { hadolint: 'DL4001', kics: "Run Using 'wget' and 'curl'" },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL4001',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/fc775e75-fcfb-4c98-b2f2-910c5858b359/',
  },
  equivalentsNote:
    "Same test as hadolint DL4001: within one stage, every RUN that calls curl or wget once both have been seen is flagged (the first RUN is not); each FROM starts afresh. ONBUILD RUN triggers are counted the same way on their own, as hadolint's `onbuild` variant does: apart from the RUNs (they run in the child build) and across the whole file. Commands behind sudo/env wrappers and in `sh -c` strings count too.",
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    // RUN tools are counted per stage (a FROM starts afresh). ONBUILD RUN triggers run in the
    // child build, not here, so they are counted on their own and, as in hadolint's `onbuild`
    // variant (which never sees a FROM), across the whole file.
    const seenByStage = new Map<number, Set<string>>();
    const seenInTriggers = new Set<string>();
    for (const { instruction, commands } of runInstructions(model, {
      onbuild: true,
    })) {
      const downloads = commands.filter(c => DOWNLOADERS.has(c.program));
      if (downloads.length === 0) continue;
      let seen = seenInTriggers;
      if (instruction.keyword === 'RUN') {
        seen = seenByStage.get(instruction.stageIndex) ?? new Set<string>();
        seenByStage.set(instruction.stageIndex, seen);
      }
      for (const d of downloads) seen.add(d.program);
      if (seen.size < 2) continue;
      const first = downloads[0];
      reports.push({
        range: { start: first.nameWord.range.start, end: first.range.end },
      });
    }
    return reports;
  },
});
