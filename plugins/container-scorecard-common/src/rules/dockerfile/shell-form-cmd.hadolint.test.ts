/*
 * hadolint's published cases for DL3025, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL3025Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants (hadolint's DL3025 is not wrapped in `onbuild`), so none are asserted.
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

const RULE = 'shell-form-cmd';
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
  catches('warn on ENTRYPOINT', l('FROM node as foo', 'ENTRYPOINT something')),
  catchesNot(
    "don't warn on ENTRYPOINT json notation",
    l('FROM scratch as build', 'ENTRYPOINT ["foo", "bar"]'),
  ),
  catches('warn on CMD', l('FROM node as foo', 'CMD something')),
  catchesNot(
    "don't warn on CMD json notation",
    l('FROM scratch as build', 'CMD ["foo", "bar"]', 'CMD [ "foo", "bar" ]'),
  ),
];

describe('shell-form-cmd hadolint DL3025Spec', () => {
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
