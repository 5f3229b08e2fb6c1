import { findingsFor } from './findingsFor';

/**
 * hadolint's spec helpers (test/Helpers.hs in hadolint/hadolint), read the way hadolint reads
 * them, so a ported case asserts exactly what the original does:
 * - `ruleCatches`: at least one finding;
 * - `ruleCatchesNot`: none;
 * - `onBuildRuleCatches`: every RUN wrapped in ONBUILD, then exactly one finding;
 * - `onBuildRuleCatchesNot`: every RUN wrapped in ONBUILD, then none.
 */
export type HadolintExpectation =
  | 'catches'
  | 'catchesNot'
  | 'onBuildCatches'
  | 'onBuildCatchesNot';

/** Wraps every RUN instruction of a Dockerfile in ONBUILD, as hadolint's `wrapInOnBuild`. */
export function wrapRunsInOnbuild(dockerfile: string): string {
  return dockerfile.replace(/^RUN(?=[ \t])/gm, 'ONBUILD RUN');
}

/** The number of findings of `ruleId` for a hadolint spec Dockerfile, in the expectation's form. */
export async function hadolintCaseFindings(
  ruleId: string,
  dockerfile: string,
  expectation: HadolintExpectation,
): Promise<number> {
  const content = expectation.startsWith('onBuild')
    ? wrapRunsInOnbuild(dockerfile)
    : dockerfile;
  return (await findingsFor(ruleId, `${content}\n`)).length;
}

/**
 * True when our rule agrees with hadolint on one spec assertion (the same test as hadolint's
 * helper: `catches` wants at least one finding, `onBuildCatches` exactly one).
 */
export async function agreesWithHadolint(
  ruleId: string,
  dockerfile: string,
  expectation: HadolintExpectation,
): Promise<boolean> {
  const count = await hadolintCaseFindings(ruleId, dockerfile, expectation);
  switch (expectation) {
    case 'catches':
      return count >= 1;
    case 'onBuildCatches':
      return count === 1;
    default:
      return count === 0;
  }
}

/** One `it` of a hadolint spec: its Dockerfile and the helper calls made on it. */
export interface HadolintCase {
  name: string;
  dockerfile: string;
  hadolint: HadolintExpectation[];
  /**
   * Expectations where this rule deliberately disagrees with hadolint, each with the reason
   * (the same reason the rule's `equivalentsNote` gives): the test asserts the disagreement,
   * so a change of behaviour is noticed either way.
   */
  differs?: Partial<Record<HadolintExpectation, string>>;
}

/** Agreed and total assertions of a ported spec: the figure its header comment reports. */
export function hadolintAgreement(cases: readonly HadolintCase[]): {
  agreed: number;
  total: number;
} {
  const total = cases.reduce((n, c) => n + c.hadolint.length, 0);
  const differing = cases.reduce(
    (n, c) => n + c.hadolint.filter(e => c.differs?.[e] !== undefined).length,
    0,
  );
  return { agreed: total - differing, total };
}

/** One assertion of a ported spec, as a row for `it.each`. */
export interface HadolintSpecRow {
  title: string;
  dockerfile: string;
  expectation: HadolintExpectation;
  /** False where the rule deliberately disagrees with hadolint (see `HadolintCase.differs`). */
  agree: boolean;
}

/**
 * The assertions of a ported hadolint spec, one row each, for
 * `it.each(rows)('$title', ...)` with `agreesWithHadolint(...)` expected to be `agree`.
 */
export function hadolintSpecRows(
  cases: readonly HadolintCase[],
): HadolintSpecRow[] {
  return cases.flatMap(c =>
    c.hadolint.map(expectation => ({
      title: `${c.name} (${expectation})`,
      dockerfile: c.dockerfile,
      expectation,
      agree: c.differs?.[expectation] === undefined,
    })),
  );
}
