import { EVERYTHING } from './read-model-changes';
import { DependsOn, SummaryCache } from './summary-cache';

/** A load whose answer the test releases when it wants, counting how often the database would be asked. */
function controlledLoad(units: readonly string[]) {
  let calls = 0;
  const pending: ((value: string) => void)[] = [];
  return {
    calls: () => calls,
    release: (value: string) => pending.shift()?.(value),
    load: (dependsOn: DependsOn) => {
      calls += 1;
      dependsOn(units);
      return new Promise<string>((resolve) => pending.push(resolve));
    },
  };
}

const listening = () => {
  const cache = new SummaryCache();
  cache.listening(true);
  return cache;
};

describe('SummaryCache', () => {
  it('answers a key a second time without loading it again', async () => {
    const cache = listening();
    let loads = 0;
    const load = async (dependsOn: DependsOn) => {
      loads += 1;
      dependsOn(['00295']);
      return { meetings: loads };
    };
    expect(await cache.get('ward:00295:2024', load)).toEqual({ meetings: 1 });
    expect(await cache.get('ward:00295:2024', load)).toEqual({ meetings: 1 });
    expect(loads).toBe(1);
    expect(cache.statistics()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });

  it('shares one load among concurrent callers of a key', async () => {
    const cache = listening();
    const load = controlledLoad(['00295']);
    const answers = Promise.all([cache.get('k', load.load), cache.get('k', load.load), cache.get('k', load.load)]);
    load.release('answer');
    expect(await answers).toEqual(['answer', 'answer', 'answer']);
    expect(load.calls()).toBe(1);
  });

  it('drops exactly the answers read from a changed unit', async () => {
    const cache = listening();
    const ward = controlledLoad(['00295']);
    const district = controlledLoad(['007', '00295', '00298']);
    const other = controlledLoad(['00301']);
    for (const [key, load] of [['ward', ward], ['district', district], ['other', other]] as const) {
      const answer = cache.get(key, load.load);
      load.release(`${key} 1`);
      await answer;
    }
    cache.changed('00295');
    const again = [cache.get('ward', ward.load), cache.get('district', district.load), cache.get('other', other.load)];
    ward.release('ward 2');
    district.release('district 2');
    expect(await Promise.all(again)).toEqual(['ward 2', 'district 2', 'other 1']);
    expect([ward.calls(), district.calls(), other.calls()]).toEqual([2, 2, 1]);
  });

  it('drops everything when everything changed (the registry, a rebuild)', async () => {
    const cache = listening();
    const load = controlledLoad(['00295']);
    const first = cache.get('k', load.load);
    load.release('1');
    await first;
    cache.changed(EVERYTHING);
    const second = cache.get('k', load.load);
    load.release('2');
    expect(await second).toBe('2');
  });

  it('does not keep a load that was running when a change was heard, though its waiting callers get it', async () => {
    const cache = listening();
    const load = controlledLoad(['00295']);
    const before = cache.get('k', load.load);
    cache.changed('00999'); // any change: the running load may have read before it committed
    const after = cache.get('k', load.load);
    load.release('read before the change');
    load.release('read after the change');
    expect(await before).toBe('read before the change');
    expect(await after).toBe('read after the change');
    // The later load is the one kept, and it is still dropped by its own units.
    expect(await cache.get('k', load.load)).toBe('read after the change');
    cache.changed('00295');
    const reloaded = cache.get('k', load.load);
    load.release('reloaded');
    expect(await reloaded).toBe('reloaded');
    expect(load.calls()).toBe(3);
  });

  it('caches nothing while changes are not being heard, and forgets everything when hearing stops', async () => {
    const cache = new SummaryCache();
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(2);
    cache.listening(true);
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(3);
    cache.listening(false);
    await cache.get('k', load);
    expect(loads).toBe(4);
    expect(cache.statistics()).toMatchObject({ listening: false, entries: 0 });
  });

  it('never keeps a failed load', async () => {
    const cache = listening();
    let attempts = 0;
    const load = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('No ward had the code 99999');
      return 'found';
    };
    await expect(cache.get('k', load)).rejects.toThrow('No ward');
    expect(await cache.get('k', load)).toBe('found');
  });

  it('keeps at most its capacity, dropping the oldest answers first', async () => {
    const cache = new SummaryCache(2);
    cache.listening(true);
    let loads = 0;
    const load = (units: string[]) => async (dependsOn: DependsOn) => {
      dependsOn(units);
      return ++loads;
    };
    await cache.get('a', load(['1']));
    await cache.get('b', load(['2']));
    await cache.get('c', load(['3']));
    expect(cache.statistics().entries).toBe(2);
    expect(await cache.get('a', load(['1']))).toBe(4);
    expect(await cache.get('c', load(['3']))).toBe(3);
  });
});
