import { defineRule } from '@container-scorecard/plugin-container-scorecard-common';

/** A rule module as a backend module would give to `addRuleModules`. */
export const rules = [
  defineRule({
    id: 'acme-team-label',
    pillar: 'simplicity',
    severity: 'low',
    appliesTo: ['dockerfile'],
    title: 'Dockerfile without a team label',
    message: 'Label the image with the owning team.',
    rationale: 'On-call needs to know whom to page for an image.',
    remediation: {
      description: 'Add a LABEL.',
      before: 'FROM alpine:3.20',
      after: 'FROM alpine:3.20\nLABEL team=payments',
    },
    equivalents: {},
    check: ({ file }) =>
      file.content.includes('LABEL team=')
        ? []
        : [{ range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } } }],
  }),
];
