import type { Entity } from '@backstage/catalog-model';
import { CallerVisibleSets, principalKeyOf } from '../access/CallerVisibleSets';
import { cachedForCaller } from './cachedForCaller';
import { ReportCache } from './ReportCache';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { owner: 'team', type: 'service' },
});

/** Two callers over a fake catalog whose answers the test changes, with one clock for all. */
function setUp(ttlMs = 1_000) {
  let clock = 0;
  const now = () => clock;
  const sees: Record<string, Entity[]> = {
    alice: [component('shared')],
    bob: [component('shared')],
  };
  const reads: string[] = [];
  const computed: string[][] = [];
  const visibleSets = new CallerVisibleSets({ ttlMs, now });
  const cache = new ReportCache<string[]>({ ttlMs, maxStaleMs: 5_000, now });
  const ask = async (caller: string) => {
    const { value } = await cachedForCaller({
      principal: caller,
      visibleSets,
      read: async () => {
        reads.push(caller);
        return { visible: [...sees[caller]], groups: [] };
      },
      cache,
      keyOf: digest => digest,
      compute: async ({ visible }) => {
        const names = visible.map(e => e.metadata.name);
        computed.push(names);
        return names;
      },
    });
    // A refresh runs after the stale answer is returned; let it settle as a later request would.
    await new Promise(resolve => setImmediate(resolve));
    return value;
  };
  return {
    ask,
    sees,
    reads,
    computed,
    setClock: (ms: number) => {
      clock = ms;
    },
  };
}

describe('cachedForCaller', () => {
  it('reads a caller’s catalog answer once per window, and shares a report between equal sets', async () => {
    const { ask, reads, computed, setClock } = setUp();
    expect(await ask('alice')).toEqual(['shared']);
    expect(await ask('bob')).toEqual(['shared']);
    setClock(999);
    expect(await ask('alice')).toEqual(['shared']);
    expect(await ask('bob')).toEqual(['shared']);
    expect(reads).toEqual(['alice', 'bob']);
    expect(computed).toHaveLength(1);
  });

  it('lets a change of access reach the caller after the window', async () => {
    const { ask, sees, setClock } = setUp();
    await ask('bob');
    sees.bob = [component('shared'), component('payroll')];
    setClock(500);
    expect(await ask('bob')).toEqual(['shared']);
    setClock(1_000);
    // Past the window the set is read again: a new digest, its own report.
    expect(await ask('bob')).toEqual(['shared', 'payroll']);
  });

  it('never stores a caller’s grown set under the digest others still use', async () => {
    const { ask, sees, setClock } = setUp();
    await ask('alice'); // the shared report is computed at 0
    setClock(900);
    await ask('bob'); // bob's digest is remembered at 900 (same set, report from the cache)
    sees.bob = [component('shared'), component('payroll')];
    setClock(1_100);
    // The report is past its window while bob's digest is not: the refresh bob triggers reads
    // bob's set afresh, finds it moved, and drops the computation. Bob is served the stale
    // report of the set he had within the window.
    expect(await ask('bob')).toEqual(['shared']);
    setClock(1_200);
    // Alice's refresh is computed over her own set: payroll never reaches her.
    expect(await ask('alice')).toEqual(['shared']);
    setClock(1_300);
    expect(await ask('alice')).toEqual(['shared']);
    // Bob's next request uses the digest of his new set.
    expect(await ask('bob')).toEqual(['shared', 'payroll']);
    expect(await ask('alice')).toEqual(['shared']);
  });

  it('reads the catalog on every request with a window of 0', async () => {
    const { ask, reads, computed } = setUp(0);
    await ask('alice');
    await ask('alice');
    expect(reads).toEqual(['alice', 'alice']);
    expect(computed).toHaveLength(2);
  });

  it('shares one catalog read among concurrent requests of a caller', async () => {
    let release = () => {};
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const visibleSets = new CallerVisibleSets({ ttlMs: 1_000 });
    const read = jest.fn(async () => {
      await gate;
      return { visible: [component('a')], groups: [] };
    });
    const loads = Array.from({ length: 50 }, () =>
      visibleSets.load('alice', read),
    );
    release();
    const loaded = await Promise.all(loads);
    expect(read).toHaveBeenCalledTimes(1);
    expect(new Set(loaded.map(l => l.digest)).size).toBe(1);
    expect(visibleSets.recent('alice')).toBe(loaded[0].digest);
  });

  it('forgets the least recently loaded principal past its capacity', async () => {
    const visibleSets = new CallerVisibleSets({ ttlMs: 1_000, maxEntries: 2 });
    const read = async () => ({ visible: [], groups: [] });
    await visibleSets.load('a', read);
    await visibleSets.load('b', read);
    await visibleSets.load('a', read);
    await visibleSets.load('c', read);
    expect(visibleSets.recent('b')).toBeUndefined();
    expect(visibleSets.recent('a')).toBeDefined();
    expect(visibleSets.recent('c')).toBeDefined();
  });

  it('does not remember a failed read', async () => {
    const visibleSets = new CallerVisibleSets({ ttlMs: 1_000 });
    await expect(
      visibleSets.load('a', async () => {
        throw new Error('catalog down');
      }),
    ).rejects.toThrow('catalog down');
    expect(visibleSets.recent('a')).toBeUndefined();
    const again = await visibleSets.load('a', async () => ({
      visible: [],
      groups: [],
    }));
    expect(visibleSets.recent('a')).toBe(again.digest);
  });
});

describe('principalKeyOf', () => {
  it('tells users, services acting for them, and restricted services apart', () => {
    const user = (userEntityRef: string, actor?: string) =>
      ({
        $$type: '@backstage/BackstageCredentials',
        principal: {
          type: 'user',
          userEntityRef,
          ...(actor ? { actor: { type: 'service', subject: actor } } : {}),
        },
      } as any);
    const service = (subject: string, accessRestrictions?: object) =>
      ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'service', subject, accessRestrictions },
      } as any);
    const keys = [
      principalKeyOf(user('user:default/alice')),
      principalKeyOf(user('user:default/bob')),
      principalKeyOf(user('user:default/alice', 'plugin:search')),
      principalKeyOf(service('plugin:search')),
      principalKeyOf(
        service('plugin:search', { permissionNames: ['catalog.entity.read'] }),
      ),
      principalKeyOf({ principal: { type: 'none' } } as any),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(principalKeyOf(user('user:default/alice'))).toBe(keys[0]);
  });
});
