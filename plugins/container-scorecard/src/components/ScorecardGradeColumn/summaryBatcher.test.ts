import { MAX_REFS_PER_REQUEST, SummaryBatcher } from './summaryBatcher';

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

describe('SummaryBatcher', () => {
  it('splits a large page into requests of at most 100 refs and reuses answers for a minute', async () => {
    let now = 0;
    const getEntitySummaries = jest.fn(async (refs: string[]) => ({
      items: refs.map(entityRef => ({
        entityRef,
        owner: '',
        status: 'not-scanned' as const,
        counts: zero,
      })),
    }));
    const batcher = new SummaryBatcher({ getEntitySummaries }, () => now);
    const refs = Array.from(
      { length: 150 },
      (_, i) => `component:default/s${i}`,
    );

    const first = await Promise.all(refs.map(ref => batcher.load(ref)));

    expect(first.map(s => s?.entityRef)).toEqual(refs);
    expect(getEntitySummaries.mock.calls.map(([part]) => part.length)).toEqual([
      MAX_REFS_PER_REQUEST,
      50,
    ]);
    await batcher.load(refs[0]);
    expect(getEntitySummaries).toHaveBeenCalledTimes(2);
    now = 61_000;
    await batcher.load(refs[0]);
    expect(getEntitySummaries).toHaveBeenCalledTimes(3);
  });

  it('rejects the cells of a failed request and asks again next time', async () => {
    const getEntitySummaries = jest
      .fn()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockResolvedValueOnce({ items: [] });
    const batcher = new SummaryBatcher({ getEntitySummaries });

    await expect(batcher.load('component:default/a')).rejects.toThrow(
      'backend down',
    );
    await expect(batcher.load('component:default/a')).resolves.toBeUndefined();
    expect(getEntitySummaries).toHaveBeenCalledTimes(2);
  });
});
