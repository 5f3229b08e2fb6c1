/*
 * hadolint's published cases for DL4004, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL4004Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants (hadolint's DL4004 is not wrapped in `onbuild`), so none are asserted.
 *
 * | assertions | agreed | deliberate differences |
 * |          6 |      6 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'multiple-entrypoint-instructions';
const l = (...text: string[]) => text.join('\n');

const catches = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catches'],
});
const catchesNot = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catchesNot'],
});

const CASES: HadolintCase[] = [
  catchesNot('no cmd', 'FROM busybox'),
  catches(
    'many entrypoints',
    l('FROM debian', 'ENTRYPOINT bash', 'RUN foo', 'ENTRYPOINT another'),
  ),
  catchesNot(
    'single entrypoint, different stages',
    l(
      'FROM debian as distro1',
      'ENTRYPOINT bash',
      'RUN foo',
      'FROM debian as distro2',
      'ENTRYPOINT another',
    ),
  ),
  catches(
    'many entrypoints, different stages',
    l(
      'FROM debian as distro1',
      'ENTRYPOINT bash',
      'RUN foo',
      'ENTRYPOINT another',
      'FROM debian as distro2',
      'ENTRYPOINT another',
    ),
  ),
  catchesNot('single entry', 'ENTRYPOINT /bin/true'),
  catchesNot('no entry', 'FROM busybox'),
];

describe('multiple-entrypoint-instructions hadolint DL4004Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 6, total: 6 });
  });
});
