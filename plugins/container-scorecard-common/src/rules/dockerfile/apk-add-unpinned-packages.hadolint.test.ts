/*
 * hadolint's published cases for DL3018, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3018Spec.hs (the version with "don't trigger when
 * installing from .apk file"), read with the semantics of test/Helpers.hs.
 *
 * | assertions | agreed | deliberate differences |
 * |         20 |     20 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'apk-add-unpinned-packages';
const l = (...text: string[]) => text.join('\n');

const catches = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catches', 'onBuildCatches'],
});
const catchesNot = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catchesNot', 'onBuildCatchesNot'],
});

const CASES: HadolintCase[] = [
  catches('apk add version pinning single', 'RUN apk add flex'),
  catchesNot('apk add no version pinning single', 'RUN apk add flex=2.6.4-r1'),
  catchesNot(
    'apk add version pinned chained',
    l(
      'RUN apk add --no-cache flex=2.6.4-r1 \\',
      ' && pip install -r requirements.txt',
    ),
  ),
  catchesNot(
    'apk add version pinned regression',
    l(
      'RUN apk add --no-cache \\',
      'flex=2.6.4-r1 \\',
      'libffi=3.2.1-r3 \\',
      'python2=2.7.13-r1 \\',
      'libbz2=1.0.6-r5',
    ),
  ),
  catches(
    'apk add version pinned regression - one missed',
    l(
      'RUN apk add --no-cache \\',
      'flex=2.6.4-r1 \\',
      'libffi \\',
      'python2=2.7.13-r1 \\',
      'libbz2=1.0.6-r5',
    ),
  ),
  catchesNot(
    'apk add virtual package',
    l(
      'RUN apk add \\',
      '--virtual build-dependencies \\',
      'python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\',
      '&& pip install -r requirements.txt \\',
      '&& python setup.py install \\',
      '&& apk del build-dependencies',
    ),
  ),
  catchesNot(
    'apk add with repository without equal sign',
    l(
      'RUN apk add --no-cache \\',
      '--repository https://nl.alpinelinux.org/alpine/edge/testing \\',
      'flow=0.78.0-r0',
    ),
  ),
  catchesNot(
    'apk add with repository with equal sign',
    l(
      'RUN apk add --no-cache \\',
      '--repository=https://nl.alpinelinux.org/alpine/edge/testing \\',
      'flow=0.78.0-r0',
    ),
  ),
  catchesNot(
    'apk add with repository (-X) without equal sign',
    l(
      'RUN apk add --no-cache \\',
      '-X https://nl.alpinelinux.org/alpine/edge/testing \\',
      'flow=0.78.0-r0',
    ),
  ),
  catchesNot(
    "don't trigger when installing from .apk file",
    'RUN apk add mypackage-1.1.1.apk',
  ),
];

describe('apk-add-unpinned-packages hadolint DL3018Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 20, total: 20 });
  });
});
