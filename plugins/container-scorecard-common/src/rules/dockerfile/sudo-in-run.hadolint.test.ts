/*
 * hadolint's published cases for DL3004, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3004Spec.hs, read with the semantics of
 * test/Helpers.hs (`onBuildRuleCatches` wraps every RUN in ONBUILD, wants exactly one failure).
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

const RULE = 'sudo-in-run';

const CASES: HadolintCase[] = [
  {
    name: 'sudo',
    dockerfile: 'RUN sudo apt-get update',
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'install sudo',
    dockerfile: 'RUN apt-get install sudo',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'sudo chained programs',
    dockerfile: 'RUN apt-get update && sudo apt-get install',
    hadolint: ['catches', 'onBuildCatches'],
  },
];

describe('sudo-in-run hadolint DL3004Spec', () => {
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
