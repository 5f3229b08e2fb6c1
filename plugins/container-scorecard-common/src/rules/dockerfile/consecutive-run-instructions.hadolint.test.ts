/*
 * hadolint's published cases for DL3059, ported: hadolint/hadolint
 * test/Hadolint/Rule/DL3059Spec.hs, read with the semantics of test/Helpers.hs. The spec has no
 * ONBUILD variants; they are added from the rule's source (src/Hadolint/Rule/DL3059.hs is not
 * wrapped in `onbuild`, so an ONBUILD RUN is not checked there): for every case with a RUN,
 * `onBuildRuleCatchesNot`.
 *
 * | assertions | agreed | deliberate differences |
 * |         31 |     31 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'consecutive-run-instructions';
const l = (...text: string[]) => text.join('\n');

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
  catchesNot('ok with no `RUN` at all', 'FROM debian:10'),
  catchesNot('ok with one `RUN`', 'RUN /foo.sh'),
  catchesNot(
    'ok with two not consecutive `RUN`',
    l('RUN /foo.sh', 'WORKDIR /', 'RUN /bar.sh'),
  ),
  catches(
    'not ok with two consecutive `RUN`s',
    l('RUN /foo.sh', 'RUN /bar.sh'),
  ),
  catches(
    'not ok with two `RUN`s separated by a comment',
    l('RUN /foo.sh', '# a comment', 'RUN /bar.sh'),
  ),
  catches(
    'not ok with two `RUN`s separated by two comment',
    l('RUN /foo.sh', '# a comment', '# another comment', 'RUN /bar.sh'),
  ),
  catchesNot(
    'ok with one `RUN` after a comment',
    l('# a comment', 'RUN /foo.sh'),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when flags are different 1',
    l('RUN --mount=type=secret,id=foo /foo.sh', 'RUN /bar.sh'),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when flags are different 2',
    l(
      'RUN --mount=type=secret,id=foo /foo.sh',
      'RUN --mount=type=secret,id=bar /bar.sh',
    ),
  ),
  catches(
    'not ok with two consecutive `RUN`s when flags are equal',
    l(
      'RUN --mount=type=secret,id=foo /foo.sh',
      'RUN --mount=type=secret,id=foo /bar.sh',
    ),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when commands are chained 1',
    l('RUN foo && bar', 'RUN foobar'),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when commands are chained 2',
    l('RUN foo; bar', 'RUN foobar'),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when commands are chained 3',
    l('RUN foobar', 'RUN foo && bar'),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when commands are chained 4',
    l('RUN foobar', 'RUN foo; bar'),
  ),
  catchesNot(
    'ok with two consecutive `RUN`s when commands are chained 5',
    l('RUN foo && bar', 'RUN foo; bar'),
  ),
  catches(
    'not ok when more than one `RUN` has just one command in a row',
    l('RUN foo && bar', 'RUN foo', 'RUN bar'),
  ),
];

describe('consecutive-run-instructions hadolint DL3059Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 31, total: 31 });
  });
});
