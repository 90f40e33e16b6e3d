import { createTestDatabase, TestDatabase } from '@civic/testing';
import { UnitRegistryReader } from './unit-registry.reader';
import { UnitRegistrySnapshot } from './unit-registry-snapshot';

/** Dates either side of each official list and of the 2025 reform, which abolished districts and merged wards. */
const DATES = ['2019-06-01', '2021-02-01', '2022-04-09', '2022-04-10', '2024-12-31', '2025-03-01', '2025-06-30', '2025-07-01', '2026-11-23'];

describe(UnitRegistrySnapshot.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ withRegistry: true });
  });
  afterAll(() => db.drop());

  it('answers the units of a date as the registry’s own query does, for every unit on every date either side of a change', async () => {
    const snapshot = await UnitRegistrySnapshot.load(db.pool);
    const reader = new UnitRegistryReader(db.pool);
    const { rows } = await db.pool.query<{ code: string }>('SELECT DISTINCT code FROM rm_unit_versions ORDER BY code');
    const codes = [...rows.map((row) => row.code), '99999'];
    expect(codes.length).toBeGreaterThan(10_000);

    for (const date of DATES) {
      expect(snapshot.unitsOnDate(codes, date)).toEqual(await reader.unitsOnDate(codes, date));
    }
  });

  it('names the province of a ward as it stood on the date: Phường Phúc Xá in Hà Nội, a code no unit had as null', async () => {
    const snapshot = await UnitRegistrySnapshot.load(db.pool);
    expect(snapshot.unitsOnDate(['00001', '99999'], '2024-03-01')).toEqual({
      '00001': { code: '00001', level: 'COMMUNE', name: 'Phường Phúc Xá', type: 'Phường', provinceCode: '01' },
      '99999': null,
    });
  });
});
