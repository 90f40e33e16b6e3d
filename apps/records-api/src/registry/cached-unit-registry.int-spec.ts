import { createTestDatabase, TestDatabase, waitFor } from '@civic/testing';
import { CachedUnitRegistry } from './cached-unit-registry';

/** Phường Phúc Xá (00001), Quận Ba Đình, Hà Nội, on a date before the 2025 reform. */
const WARD = '00001';
const DATE = '2024-03-01';

describe(CachedUnitRegistry.name, () => {
  let db: TestDatabase;
  let registry: CachedUnitRegistry;

  beforeAll(async () => {
    db = await createTestDatabase({ withRegistry: true });
    registry = new CachedUnitRegistry(db.pool, db.url);
    await registry.onModuleInit();
  });
  afterAll(async () => {
    await registry.onApplicationShutdown();
    await db.drop();
  });

  const nameOfWard = async () => (await registry.unitsOnDate([WARD], DATE))[WARD]?.name;
  /** Renames the ward's version of DATE in the registry's table, announcing it (the table's trigger) or not. */
  const rename = async (name: string, { announced }: { announced: boolean }) => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      if (!announced) await client.query('ALTER TABLE rm_unit_versions DISABLE TRIGGER announce_units');
      await client.query(
        `UPDATE rm_unit_versions SET name = $2 WHERE code = $1 AND (valid_from IS NULL OR valid_from <= $3::date) AND (valid_to IS NULL OR valid_to >= $3::date)`,
        [WARD, name, DATE],
      );
      if (!announced) await client.query('ALTER TABLE rm_unit_versions ENABLE TRIGGER announce_units');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  it('answers the units of a date with the province of that date', async () => {
    expect(await registry.unitsOnDate([WARD, '99999'], DATE)).toEqual({
      [WARD]: { code: WARD, level: 'COMMUNE', name: 'Phường Phúc Xá', type: 'Phường', provinceCode: '01' },
      '99999': null,
    });
  });

  it('answers a repeated question from memory, and from the database again once the registry announces a change', async () => {
    expect(await nameOfWard()).toBe('Phường Phúc Xá');
    // A change nobody announced is not seen: the answer came from memory.
    await rename('Phường Thử Nghiệm', { announced: false });
    expect(await nameOfWard()).toBe('Phường Phúc Xá');

    await rename('Phường Phúc Xá Mới', { announced: true });
    await waitFor('the announced change to be seen', async () => (await nameOfWard()) === 'Phường Phúc Xá Mới' || undefined);
    await rename('Phường Phúc Xá', { announced: true });
    await waitFor('the name restored', async () => (await nameOfWard()) === 'Phường Phúc Xá' || undefined);
  });

  it('asks the database every time while it cannot hear the registry’s announcements', async () => {
    expect(await nameOfWard()).toBe('Phường Phúc Xá');
    await registry.onApplicationShutdown();
    try {
      await rename('Phường Không Báo', { announced: false });
      expect(await nameOfWard()).toBe('Phường Không Báo');
    } finally {
      await rename('Phường Phúc Xá', { announced: false });
      await registry.onModuleInit();
    }
  });
});
