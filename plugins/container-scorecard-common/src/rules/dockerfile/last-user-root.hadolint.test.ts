/*
 * hadolint's published cases for DL3002, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL3002Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants (hadolint's DL3002 is not wrapped in `onbuild`), so none are asserted.
 *
 * | assertions | agreed | deliberate differences |
 * |          9 |      9 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'last-user-root';
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
  catches('last user should not be root', l('FROM scratch', 'USER root')),
  catchesNot('no root', l('FROM scratch', 'USER foo')),
  catches('no root UID', l('FROM scratch', 'USER 0')),
  catches('no root:root', l('FROM scratch', 'USER root:root')),
  catches('no UID:GID', l('FROM scratch', 'USER 0:0')),
  catchesNot(
    'can switch back to non root',
    l('FROM scratch', 'USER root', 'RUN something', 'USER foo'),
  ),
  catches(
    'warns on transitive root user',
    l(
      'FROM debian as base',
      'USER root',
      'RUN something',
      'FROM base',
      'RUN something else',
    ),
  ),
  catches(
    'warns on multiple stages',
    l(
      'FROM debian as base',
      'USER root',
      'RUN something',
      'FROM scratch',
      'USER foo',
      'RUN something else',
    ),
  ),
  catchesNot(
    'does not warn when switching in multiple stages',
    l(
      'FROM debian as base',
      'USER root',
      'RUN something',
      'USER foo',
      'FROM scratch',
      'RUN something else',
    ),
  ),
];

describe('last-user-root hadolint DL3002Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 9, total: 9 });
  });
});
