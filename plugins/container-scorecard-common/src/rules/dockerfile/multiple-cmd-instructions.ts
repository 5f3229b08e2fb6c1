import { defineRule } from '../framework/defineRule';
import { repeatedInstructions } from './helpers/repeatedInstructions';

/** Flags a second (third, ...) CMD in one stage, as hadolint DL4003 does. */
export const multipleCmdInstructions = defineRule({
  id: 'multiple-cmd-instructions',
  pillar: 'one-concern',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'More than one CMD in a stage',
  message: 'This stage has more than one CMD: only the last one takes effect.',
  rationale:
    'A container runs one command. Several CMD lines read as if the container started several things, but Docker keeps only the last; the others mislead every reader and are often a sign that someone tried to run two processes in one container.',
  remediation: {
    description:
      'Keep the one CMD that should run. If two processes are needed, run them as two containers.',
    before: 'CMD ["nginx", "-g", "daemon off;"]\nCMD ["php-fpm"]',
    after: 'CMD ["php-fpm"]',
  },
  equivalents: { hadolint: 'DL4003', trivy: 'DS-0016' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL4003',
    trivy: 'https://avd.aquasec.com/misconfig/ds016',
  },
  fixable: true,
  check({ file }) {
    return repeatedInstructions(file.dockerfile, file.lineIndex, 'CMD');
  },
});
