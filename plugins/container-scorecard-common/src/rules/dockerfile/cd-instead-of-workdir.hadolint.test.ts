/*
 * hadolint's published cases for DL3003, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL3003Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants; they are added from the rule's source (src/Hadolint/Rule/DL3003.hs is not
 * wrapped in `onbuild`, so an ONBUILD RUN is not checked there): for every case with a RUN,
 * `onBuildRuleCatchesNot`.
 *
 * | assertions | agreed | deliberate differences |
 * |          3 |      3 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'cd-instead-of-workdir';

/** hadolint's rule ignores ONBUILD RUN: wrapped, a case with a RUN gives no finding. */
const onBuild = (dockerfile: string): HadolintCase['hadolint'] =>
  /^RUN\s/m.test(dockerfile) ? ['onBuildCatchesNot'] : [];
const catches = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catches', ...onBuild(dockerfile)],
});
const catchesNot = (name: string, dockerfile: string): HadolintCase => ({
  name,
  dockerfile,
  hadolint: ['catchesNot', ...onBuild(dockerfile)],
});

const CASES: HadolintCase[] = [
  catchesNot('ok using WORKDIR', 'WORKDIR /opt'),
  catches('not ok using cd', 'RUN cd /opt'),
];

describe('cd-instead-of-workdir hadolint DL3003Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 3, total: 3 });
  });
});
