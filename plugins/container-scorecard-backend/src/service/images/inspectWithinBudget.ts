import type { ImageInspection } from '@container-scorecard/plugin-container-scorecard-common';
import type { ImageInspector } from '@container-scorecard/plugin-container-scorecard-node';

/** What an entity's inspections came to within its time budget. */
export interface BudgetedInspections {
  /** One per reference that was started, in the references' order. */
  inspections: ImageInspection[];
  /** References never started because the budget ran out. */
  skipped: string[];
}

/**
 * Inspects references with at most `concurrency` registry conversations at a time, and gives up
 * on the entity's images once `budgetMs` has passed: inspections under way then become "could not
 * inspect" with the budget named (their requests end on their own timeouts; the result does not
 * wait for them), and references not yet started are returned as skipped. A slow registry thus
 * costs a scan at most its budget per entity, whatever the number of images.
 */
export async function inspectWithinBudget(
  inspector: Pick<ImageInspector, 'inspect'>,
  references: readonly string[],
  options: { concurrency: number; budgetMs: number },
): Promise<BudgetedInspections> {
  const settled = new Array<ImageInspection | undefined>(references.length);
  let next = 0;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>(resolve => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve();
    }, options.budgetMs);
  });
  async function worker() {
    while (!timedOut && next < references.length) {
      const index = next++;
      const inspection = await inspectSafely(inspector, references[index]);
      if (!timedOut) settled[index] = inspection;
    }
  }
  const workers = Array.from(
    { length: Math.min(options.concurrency, references.length) },
    worker,
  );
  try {
    await Promise.race([Promise.all(workers), deadline]);
  } finally {
    clearTimeout(timer);
  }
  const inspections: ImageInspection[] = [];
  const skipped: string[] = [];
  references.forEach((reference, index) => {
    const inspection = settled[index];
    if (inspection) inspections.push(inspection);
    else if (index < next) {
      inspections.push({
        status: 'failed',
        reference,
        reason: `timed out: the entity's images took longer than their ${options.budgetMs} ms budget`,
      });
    } else skipped.push(reference);
  });
  return { inspections, skipped };
}

/** The inspector never rejects by contract; should it, the image fails and the others go on. */
async function inspectSafely(
  inspector: Pick<ImageInspector, 'inspect'>,
  reference: string,
): Promise<ImageInspection> {
  try {
    return await inspector.inspect(reference);
  } catch (error) {
    return {
      status: 'failed',
      reference,
      reason: `unexpected error: ${
        error instanceof Error ? error.message : String(error)
      }`,
    };
  }
}
