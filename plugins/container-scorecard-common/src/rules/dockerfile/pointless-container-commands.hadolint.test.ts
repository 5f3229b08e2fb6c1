/*
 * hadolint's published cases for DL3001, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3001Spec.hs, read with the semantics of
 * test/Helpers.hs (`onBuildRuleCatches` wraps every RUN in ONBUILD, wants exactly one failure).
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

const RULE = 'pointless-container-commands';

const CASES: HadolintCase[] = [
  {
    name: 'invalid cmd',
    dockerfile: 'RUN top',
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'install ssh',
    dockerfile: 'RUN apt-get install ssh',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
];

describe('pointless-container-commands hadolint DL3001Spec', () => {
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
