import { createConcurrencyLimit } from './concurrencyLimit';

describe('createConcurrencyLimit', () => {
  it('never runs more than the limit at once, starts waiters in order and passes results and errors through', async () => {
    const limit = createConcurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const work = (id: number) =>
      limit(async () => {
        running += 1;
        most = Math.max(most, running);
        started.push(id);
        await new Promise<void>(resolve => releases.push(resolve));
        running -= 1;
        if (id === 3) throw new Error('three failed');
        return id;
      });

    const results = [1, 2, 3, 4, 5].map(id =>
      work(id).catch((error: Error) => error.message),
    );
    await new Promise(resolve => setImmediate(resolve));
    expect(started).toEqual([1, 2]);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise(resolve => setImmediate(resolve));
    }

    expect(await Promise.all(results)).toEqual([1, 2, 'three failed', 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});
