/*
 * hadolint's published cases for DL3009, ported with their ONBUILD variants:
 * hadolint/hadolint test/Hadolint/Rule/DL3009Spec.hs (the version with the BuildKit cache-mount
 * cases), read with the semantics of test/Helpers.hs (`onBuildRuleCatches` wraps every RUN in
 * ONBUILD and wants exactly one failure).
 *
 * | assertions | agreed | deliberate differences |
 * |         24 |     24 | none                   |
 *
 * The two single-string mount cases are written in the spec with Haskell string gaps that leave
 * `\    ` (an escaped space) before the command; they are ported with the line continuation the
 * case is named after.
 */
import {
  agreesWithHadolint,
  hadolintAgreement,
  hadolintSpecRows,
  type HadolintCase,
} from '../../testing';

const RULE = 'apt-lists-not-cleaned';
const l = (...text: string[]) => text.join('\n');

const CASES: HadolintCase[] = [
  {
    name: 'apt-get no cleanup',
    dockerfile: l(
      'FROM scratch',
      'RUN apt-get update && apt-get install python',
    ),
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'apt-get cleanup in stage image',
    dockerfile: l(
      'FROM ubuntu as foo',
      'RUN apt-get update && apt-get install python',
      'FROM scratch',
      'RUN echo hey!',
    ),
    hadolint: ['catchesNot', 'onBuildCatches'],
  },
  {
    name: 'apt-get no cleanup in last stage',
    dockerfile: l(
      'FROM ubuntu as foo',
      'RUN hey!',
      'FROM scratch',
      'RUN apt-get update && apt-get install python',
    ),
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'apt-get no cleanup in intermediate stage',
    dockerfile: l(
      'FROM ubuntu as foo',
      'RUN apt-get update && apt-get install python',
      'FROM foo',
      'RUN hey!',
    ),
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'no warn apt-get cleanup in intermediate stage that cleans lists',
    dockerfile: l(
      'FROM ubuntu as foo',
      'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*',
      'FROM foo',
      'RUN hey!',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'no warn apt-get cleanup in intermediate stage when stage not used later',
    dockerfile: l(
      'FROM ubuntu as foo',
      'RUN apt-get update && apt-get install python',
      'FROM scratch',
      'RUN hey!',
    ),
    hadolint: ['catchesNot', 'onBuildCatches'],
  },
  {
    name: 'apt-get cleanup',
    dockerfile: l(
      'FROM scratch',
      'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: "don't warn: BuildKit cache mount to apt lists directory",
    dockerfile: l(
      'RUN --mount=type=cache,target=/var/lib/apt/lists \\',
      '    apt-get update && apt-get install python',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: "don't warn: BuildKit cache mount to apt directories 1",
    dockerfile: l(
      'RUN --mount=type=cache,target=/var/lib/apt \\',
      '    --mount=type=cache,target=/var/cache/apt \\',
      '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
      '    apt-get update && apt-get install python',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: "don't warn: BuildKit cache mount to apt directories 2",
    dockerfile: l(
      'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install foo',
    ),
    hadolint: ['catchesNot', 'onBuildCatchesNot'],
  },
  {
    name: 'warn: BuildKit cache mount to apt cache directory only',
    dockerfile: l(
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
      '    apt-get update && apt-get install python',
    ),
    hadolint: ['catches', 'onBuildCatches'],
  },
  {
    name: 'warn: BuildKit cache mount to apt lists directory only',
    dockerfile: l(
      'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
      'RUN --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install python',
    ),
    hadolint: ['catches', 'onBuildCatches'],
  },
];

describe('apt-lists-not-cleaned hadolint DL3009Spec', () => {
  it.each(hadolintSpecRows(CASES))(
    '$title',
    async ({ dockerfile, expectation, agree }) => {
      expect(await agreesWithHadolint(RULE, dockerfile, expectation)).toBe(
        agree,
      );
    },
  );

  it('agrees on the figure its header reports', () => {
    expect(hadolintAgreement(CASES)).toEqual({ agreed: 24, total: 24 });
  });
});
