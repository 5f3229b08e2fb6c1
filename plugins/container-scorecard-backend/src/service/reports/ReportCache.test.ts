import type { Entity } from '@backstage/catalog-model';
import { ReportCache, visibleSetKey } from './ReportCache';

describe('ReportCache', () => {
  function counting<T>(values: T[]) {
    const compute = jest.fn(async () => values.shift()!);
    return compute;
  }

  it('computes once for concurrent and repeated identical requests within the window', async () => {
    let clock = 1_000;
    const cache = new ReportCache<string>({ ttlMs: 30_000, now: () => clock });
    const compute = counting(['first', 'second']);
    const [a, b] = await Promise.all([
      cache.get('k', compute),
      cache.get('k', compute),
    ]);
    clock += 29_999;
    const c = await cache.get('k', compute);
    expect([a, b, c]).toEqual(['first', 'first', 'first']);
    expect(compute).toHaveBeenCalledTimes(1);

    // After the window the old answer is served once more while the new one is computed.
    clock += 1;
    expect(await cache.get('k', compute)).toBe('first');
    await new Promise(resolve => setImmediate(resolve));
    expect(await cache.get('k', compute)).toBe('second');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not serve an answer past its window and the stale allowance', async () => {
    let clock = 0;
    const cache = new ReportCache<string>({
      ttlMs: 1_000,
      maxStaleMs: 5_000,
      now: () => clock,
    });
    const compute = counting(['old', 'new']);
    await cache.get('k', compute);
    clock = 6_000;
    expect(await cache.get('k', compute)).toBe('new');
  });

  it('keeps serving the stale answer when its refresh fails, then recovers', async () => {
    let clock = 0;
    const cache = new ReportCache<string>({ ttlMs: 1_000, now: () => clock });
    await cache.get('k', async () => 'old');
    clock = 1_500;
    const failing = jest.fn(async (): Promise<string> => {
      throw new Error('database gone');
    });
    expect(await cache.get('k', failing)).toBe('old');
    await new Promise(resolve => setImmediate(resolve));
    expect(await cache.get('k', async () => 'new')).toBe('old');
    await new Promise(resolve => setImmediate(resolve));
    expect(await cache.get('k', async () => 'newer')).toBe('new');
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('keeps answers of different keys apart', async () => {
    const cache = new ReportCache<string>({ ttlMs: 30_000 });
    expect(await cache.get('a', async () => 'for a')).toBe('for a');
    expect(await cache.get('b', async () => 'for b')).toBe('for b');
    expect(await cache.get('a', async () => 'recomputed')).toBe('for a');
  });

  it('does not keep a failed computation', async () => {
    const cache = new ReportCache<string>({ ttlMs: 30_000 });
    const failing = jest.fn(async () => {
      throw new Error('database gone');
    });
    const [first, concurrent] = await Promise.allSettled([
      cache.get('k', failing),
      cache.get('k', failing),
    ]);
    expect(first).toMatchObject({ status: 'rejected' });
    expect(concurrent).toMatchObject({ status: 'rejected' });
    expect(failing).toHaveBeenCalledTimes(1);
    expect(await cache.get('k', async () => 'recovered')).toBe('recovered');
  });

  it('with a zero window shares only the computation in flight', async () => {
    const cache = new ReportCache<string>({ ttlMs: 0 });
    const compute = counting(['one', 'two']);
    await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(await cache.get('k', compute)).toBe('two');
  });

  it('drops the oldest keys beyond its size', async () => {
    const cache = new ReportCache<string>({ ttlMs: 30_000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    expect(await cache.get('a', async () => 'a again')).toBe('a again');
    expect(await cache.get('c', async () => 'c again')).toBe('c');
  });
});

describe('visibleSetKey', () => {
  const component = (name: string, owner = 'group:default/shop'): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner },
  });
  const group: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { type: 'team' },
  };

  it('is the same for the same answer in any order', () => {
    expect(visibleSetKey([component('a'), component('b')], [group])).toBe(
      visibleSetKey([component('b'), component('a')], [group]),
    );
  });

  it('differs when an entity is hidden, an owner changes or a group is hidden', () => {
    const all = visibleSetKey([component('a'), component('b')], [group]);
    expect(visibleSetKey([component('a')], [group])).not.toBe(all);
    expect(
      visibleSetKey(
        [component('a'), component('b', 'group:default/payments')],
        [group],
      ),
    ).not.toBe(all);
    expect(visibleSetKey([component('a'), component('b')], [])).not.toBe(all);
  });
});
