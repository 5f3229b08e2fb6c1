import type { ImageInspection } from '@container-scorecard/plugin-container-scorecard-common';
import { inspectWithinBudget } from './inspectWithinBudget';

// The registry client has its own tests against a real registry; this is the scheduling around
// it, so a scripted inspector stands in for it.
function failedFast(reference: string): Promise<ImageInspection> {
  return Promise.resolve({ status: 'failed', reference, reason: 'no' });
}

describe('inspectWithinBudget', () => {
  it('keeps at most `concurrency` inspections in flight and the references in order', async () => {
    let inFlight = 0;
    let most = 0;
    const inspector = {
      async inspect(reference: string): Promise<ImageInspection> {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise(resolve => setImmediate(resolve));
        inFlight--;
        return failedFast(reference);
      },
    };
    const references = ['a:1', 'b:1', 'c:1', 'd:1', 'e:1', 'f:1', 'g:1'];
    const { inspections, skipped } = await inspectWithinBudget(
      inspector,
      references,
      { concurrency: 3, budgetMs: 60_000 },
    );
    expect(most).toBe(3);
    expect(inspections.map(i => i.reference)).toEqual(references);
    expect(skipped).toEqual([]);
  });

  it('ends at the budget: the inspection under way fails with the budget named, the rest are skipped', async () => {
    const inspector = {
      inspect: (reference: string): Promise<ImageInspection> =>
        reference === 'hangs:1'
          ? new Promise(() => {}) // a registry that never answers
          : failedFast(reference),
    };
    const { inspections, skipped } = await inspectWithinBudget(
      inspector,
      ['quick:1', 'hangs:1', 'never-started:1'],
      { concurrency: 1, budgetMs: 50 },
    );
    expect(inspections).toEqual([
      { status: 'failed', reference: 'quick:1', reason: 'no' },
      {
        status: 'failed',
        reference: 'hangs:1',
        reason:
          "timed out: the entity's images took longer than their 50 ms budget",
      },
    ]);
    expect(skipped).toEqual(['never-started:1']);
  });

  it('turns an inspector that throws into a failed image and goes on with the others', async () => {
    const inspector = {
      inspect: (reference: string): Promise<ImageInspection> =>
        reference === 'bad:1'
          ? Promise.reject(new Error('boom'))
          : failedFast(reference),
    };
    const { inspections } = await inspectWithinBudget(
      inspector,
      ['bad:1', 'good:1'],
      { concurrency: 1, budgetMs: 60_000 },
    );
    expect(inspections).toEqual([
      {
        status: 'failed',
        reference: 'bad:1',
        reason: 'unexpected error: boom',
      },
      { status: 'failed', reference: 'good:1', reason: 'no' },
    ]);
  });

  it('asks nothing when there is nothing to inspect', async () => {
    const inspector = { inspect: jest.fn(failedFast) };
    expect(
      await inspectWithinBudget(inspector, [], {
        concurrency: 3,
        budgetMs: 1000,
      }),
    ).toEqual({ inspections: [], skipped: [] });
    expect(inspector.inspect).not.toHaveBeenCalled();
  });
});
