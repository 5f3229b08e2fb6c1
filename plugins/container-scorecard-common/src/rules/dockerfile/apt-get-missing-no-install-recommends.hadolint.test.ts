/*
 * hadolint's published cases for DL3015, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3015Spec.hs, read with the semantics of
 * test/Helpers.hs (`onBuildRuleCatches` wraps every RUN in ONBUILD, wants exactly one failure).
 *
 * | assertions | agreed | deliberate differences |
 * |          8 |      8 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'apt-get-missing-no-install-recommends';

const CASES: HadolintCase[] = [
  {
    name: 'apt-get install recommends',
    dockerfile: 'RUN apt-get install --no-install-recommends python',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'apt-get no install recommends',
    dockerfile: 'RUN apt-get install python',
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'apt-get no install recommends (-y)',
    dockerfile: 'RUN apt-get -y install python',
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'apt-get no install recommends via option',
    dockerfile: 'RUN apt-get -o APT::Install-Recommends=false install python',
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
];

describe('apt-get-missing-no-install-recommends hadolint DL3015Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 8, total: 8 });
  });
});
