import { defineRule } from '../framework/defineRule';
import { repeatedInstructions } from './helpers/repeatedInstructions';

/** Flags a second (third, ...) ENTRYPOINT in one stage, as hadolint DL4004 does. */
export const multipleEntrypointInstructions = defineRule({
  id: 'multiple-entrypoint-instructions',
  pillar: 'one-concern',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'More than one ENTRYPOINT in a stage',
  message:
    'This stage has more than one ENTRYPOINT: only the last one takes effect.',
  rationale:
    'The entrypoint is the process the container is. Listing several suggests the image starts several programs, yet Docker silently keeps the last one, so what a reader expects to run and what runs differ.',
  remediation: {
    description:
      'Keep the one ENTRYPOINT the container should be; split other programs into their own images or containers.',
    before: 'ENTRYPOINT ["/usr/sbin/sshd", "-D"]\nENTRYPOINT ["/app/server"]',
    after: 'ENTRYPOINT ["/app/server"]',
  },
  equivalents: { hadolint: 'DL4004', trivy: 'DS-0007' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL4004',
    trivy: 'https://avd.aquasec.com/misconfig/ds007',
  },
  fixable: true,
  check({ file }) {
    return repeatedInstructions(file.dockerfile, file.lineIndex, 'ENTRYPOINT');
  },
});
