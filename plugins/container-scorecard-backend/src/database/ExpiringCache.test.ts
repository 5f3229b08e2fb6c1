import { ExpiringCache } from './ExpiringCache';

describe('ExpiringCache', () => {
  it('shares one load between concurrent readers and reloads once expired', async () => {
    let now = 0;
    const cache = new ExpiringCache(30_000, () => now);
    let loads = 0;
    let finish: (value: number) => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<number>(resolve => {
        finish = resolve;
      });
    };
    const readers = Array.from({ length: 50 }, () =>
      cache.get('summaries', load),
    );
    finish(42);
    expect(await Promise.all(readers)).toEqual(Array(50).fill(42));
    expect(loads).toBe(1);

    now = 29_999;
    expect(await cache.get('summaries', load)).toBe(42);
    expect(loads).toBe(1);
    now = 30_000;
    const reloaded = cache.get('summaries', load);
    finish(43);
    expect(await reloaded).toBe(43);
    expect(loads).toBe(2);
  });

  it('forgets a failed load, and everything on clear', async () => {
    const cache = new ExpiringCache();
    await expect(
      cache.get('x', () => Promise.reject(new Error('database gone'))),
    ).rejects.toThrow('database gone');
    expect(await cache.get('x', async () => 1)).toBe(1);
    expect(await cache.get('x', async () => 2)).toBe(1);
    cache.clear();
    expect(await cache.get('x', async () => 3)).toBe(3);
  });
});
