/*
 * hadolint's published cases for DL3063, ported with their ONBUILD variants: hadolint/hadolint
 * test/Hadolint/Rule/DL3063Spec.hs (the version with "missing USER in final stage" and "builder
 * stage without USER is OK"), read with the semantics of test/Helpers.hs.
 *
 * | assertions | agreed | deliberate differences |
 * |         16 |     16 | none                   |
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'no-user-in-final-stage';
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
  catches('no USER instruction', 'FROM alpine:3'),
  catchesNot('USER instruction present', l('FROM alpine:3', 'USER app')),
  catchesNot(
    'USER in final stage of multi-stage build',
    l('FROM alpine:3 AS builder', 'FROM alpine:3', 'USER app'),
  ),
  catches(
    'missing USER in final stage',
    l('FROM alpine:3 AS builder', 'USER app', 'FROM alpine:3'),
  ),
  catchesNot('USER with UID', l('FROM alpine:3', 'USER 1000')),
  catchesNot('USER with UID:GID', l('FROM alpine:3', 'USER 1000:1000')),
  catchesNot(
    'builder stage without USER is OK',
    l('FROM alpine:3 AS builder', 'RUN build', 'FROM alpine:3', 'USER app'),
  ),
  // The same `it` then asserts a second file.
  catchesNot(
    'builder stage without USER is OK (second file)',
    l('FROM alpine:3', 'USER 1000:1000'),
  ),
];

describe('no-user-in-final-stage hadolint DL3063Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 16, total: 16 });
  });
});
