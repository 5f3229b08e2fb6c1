/*
 * hadolint's published cases for DL4003, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL4003Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants (hadolint's DL4003 is not wrapped in `onbuild`), so none are asserted.
 *
 * | assertions | agreed | deliberate differences |
 * |          4 |      4 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'multiple-cmd-instructions';
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
  catches('many cmds', l('FROM debian', 'CMD bash', 'RUN foo', 'CMD another')),
  catchesNot(
    'single cmds, different stages',
    l(
      'FROM debian as distro1',
      'CMD bash',
      'RUN foo',
      'FROM debian as distro2',
      'CMD another',
    ),
  ),
  catches(
    'many cmds, different stages',
    l(
      'FROM debian as distro1',
      'CMD bash',
      'RUN foo',
      'CMD another',
      'FROM debian as distro2',
      'CMD another',
    ),
  ),
  catchesNot('single cmd', 'CMD /bin/true'),
];

describe('multiple-cmd-instructions hadolint DL4003Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 4, total: 4 });
  });
});
