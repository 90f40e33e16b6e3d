import { pooledRandomBytes } from './random-pool';

describe(pooledRandomBytes.name, () => {
  it('hands out each byte once, across many refills of its pool', () => {
    // 12-byte IVs through several 8 KB pools: no two alike (a repeat of 96 random bits would be a broken source).
    const seen = new Set(Array.from({ length: 5000 }, () => pooledRandomBytes(12).toString('hex')));
    expect(seen.size).toBe(5000);
  });

  it('gives the length asked for, and refuses more than one pool holds', () => {
    expect(pooledRandomBytes(32)).toHaveLength(32);
    expect(() => pooledRandomBytes(8193)).toThrow(RangeError);
  });
});
