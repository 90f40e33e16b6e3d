import { KeyReserve } from './key-reserve';
import { DataKey } from './sealed-text';

/** A key store that remembers what it committed, and can be told to fail or to hold its answer. */
function keyStore() {
  const committed = new Set<string>();
  const calls: number[] = [];
  let failing = false;
  let held: (() => void)[] | undefined;
  const store = async (keys: readonly DataKey[]) => {
    calls.push(keys.length);
    if (held) await new Promise<void>((resolve) => held!.push(resolve));
    if (failing) throw new Error('the key store does not answer');
    for (const key of keys) committed.add(key.keyId);
  };
  return {
    store,
    committed,
    calls,
    fail: (value: boolean) => (failing = value),
    hold: () => (held = []),
    release: () => {
      const waiting = held ?? [];
      held = undefined;
      for (const resolve of waiting) resolve();
    },
  };
}

describe(KeyReserve.name, () => {
  it('hands out only keys whose storing has committed, each once, of 32 random bytes', async () => {
    const keys = keyStore();
    const reserve = new KeyReserve(keys.store, 8);
    const taken = (await Promise.all(Array.from({ length: 30 }, (_, i) => reserve.take(1 + (i % 3))))).flat();
    expect(taken).toHaveLength(60);
    expect(new Set(taken.map((key) => key.keyId)).size).toBe(60);
    expect(new Set(taken.map((key) => key.key.toString('hex'))).size).toBe(60);
    for (const key of taken) {
      expect(keys.committed.has(key.keyId)).toBe(true);
      expect(key.key).toHaveLength(32);
    }
  });

  it('keeps a command waiting until its keys are stored, and stores them a batch at a time', async () => {
    const keys = keyStore();
    const reserve = new KeyReserve(keys.store, 16);
    keys.hold();
    let taken: DataKey[] | undefined;
    const waiting = reserve.take(2).then((got) => (taken = got));
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken).toBeUndefined();
    keys.release();
    await waiting;
    expect(taken!.every((key) => keys.committed.has(key.keyId))).toBe(true);
    expect(keys.calls).toEqual([16]);
    expect(reserve.available).toBe(14);
  });

  it('gives a command more keys than a batch holds all it asked for', async () => {
    const keys = keyStore();
    const reserve = new KeyReserve(keys.store, 4);
    const taken = await reserve.take(250);
    expect(taken).toHaveLength(250);
    expect(taken.every((key) => keys.committed.has(key.keyId))).toBe(true);
  });

  it('tops up in the background before the keys in hand run out', async () => {
    const keys = keyStore();
    const reserve = new KeyReserve(keys.store, 8);
    await reserve.take(7); // 1 left: under a quarter, so another batch is stored
    await new Promise((resolve) => setImmediate(resolve));
    expect(keys.calls).toEqual([8, 8]);
    expect(reserve.available).toBe(9);
  });

  it('refuses a command when no stored key is in hand and storing fails, and serves again once the store answers', async () => {
    const keys = keyStore();
    const reserve = new KeyReserve(keys.store, 4);
    await reserve.take(2); // 2 in hand
    keys.fail(true);
    expect(await reserve.take(2)).toHaveLength(2); // the keys in hand were stored: still good
    await expect(reserve.take(1)).rejects.toThrow('the key store does not answer');
    keys.fail(false);
    const [key] = await reserve.take(1);
    expect(keys.committed.has(key.keyId)).toBe(true);
  });
});
