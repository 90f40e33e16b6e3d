import { PublishedEventContract } from '@civic/messaging';
import { createTestDatabase, readSharedAdminUnits, TestDatabase } from '@civic/testing';
import { parseFlatUnitList } from './flat-unit-list';
import { parseCrosswalk, parseNewCommuneList, parseNewProvinces, parseProvinceMerges } from './reform-lists';
import { UnitRegistryImporter } from './registry-importer';
import { UnitListRejected } from './unit-list-rejected';
import { RESOLUTIONS_2025_01_01, SUCCESSIONS_2025_01_01 } from './mergers-2025-01-01';
import { UnitRegistryReader } from '@civic/admin-units';

const LIST_2022 = 'vn_units_3level_20220410_flat.csv';
const LIST_2025 = 'vn_units_3level_20250301_flat.csv';

describe(UnitRegistryImporter.name, () => {
  let db: TestDatabase;
  let importer: UnitRegistryImporter;
  let registry: UnitRegistryReader;
  const eventCount = async () => Number((await db.pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    db = await createTestDatabase();
    importer = new UnitRegistryImporter(db.pool, { subject: 'importer-test', roles: ['administrator'] }, new PublishedEventContract());
    registry = new UnitRegistryReader(db.pool);
  });
  afterAll(() => db.drop());

  // The flat list has one row per commune, so the 5 island districts without communes (Bạch Long Vĩ, Cồn Cỏ,
  // Hoàng Sa, Lý Sơn, Côn Đảo) cannot appear in it: 700 of the 705 districts do.
  it('imports the real 2022 list as the baseline: 63 provinces, 700 districts with communes, 10,599 communes', async () => {
    const content = readSharedAdminUnits(LIST_2022);
    const units = parseFlatUnitList(content, LIST_2022);
    const progress: number[] = [];
    const report = await importer.importList(units, { list: LIST_2022, content, effectiveFrom: '2022-04-10', knownSince: '2022-04-10' }, (done) =>
      progress.push(done),
    );

    expect(report.counts).toEqual({ UnitEstablished: 63 + 700 + 10_599, UnitChanged: 0, UnitDissolved: 0, UnitSucceeded: 0 });
    expect(progress[progress.length - 1]).toBe(report.events + 1);
    const { rows } = await db.pool.query('SELECT level, count(*)::int AS n FROM rm_unit_versions GROUP BY level ORDER BY level');
    expect(rows).toEqual([
      { level: 'COMMUNE', n: 10_599 },
      { level: 'DISTRICT', n: 700 },
      { level: 'PROVINCE', n: 63 },
    ]);
    expect(await registry.asOf('00295', '2021-01-12')).toMatchObject({ name: 'Phường Minh Khai', type: 'Phường', parentCode: '007', validFrom: null });
  });

  it('changes nothing when the same list is imported again', async () => {
    const before = await eventCount();
    const content = readSharedAdminUnits(LIST_2022);
    const report = await importer.importList(parseFlatUnitList(content, LIST_2022), {
      list: LIST_2022,
      content,
      effectiveFrom: '2022-04-10',
      knownSince: '2022-04-10',
    });
    expect(report.unchanged).toBe(true);
    expect(await eventCount()).toBe(before);
  });

  it('refuses a file with bad rows, naming each by line, and imports none of it', () => {
    // The official file has CRLF line endings; keep them.
    const lines = readSharedAdminUnits(LIST_2022).split('\r\n');
    lines[3] = lines[3].replace(',00006,', ',6,');
    lines[10] = lines[10].replace(/,Phường$/, ',Khu phố');
    lines[20] = lines[20].split(',').slice(0, 5).join(',');
    let rejection: UnitListRejected | undefined;
    try {
      parseFlatUnitList(lines.join('\r\n'), 'broken.csv');
    } catch (error) {
      rejection = error as UnitListRejected;
    }
    expect(rejection).toBeInstanceOf(UnitListRejected);
    expect(rejection!.errors.map((e) => e.line)).toEqual([4, 11, 21]);
    expect(rejection!.errors[0].message).toMatch(/commune_code "6" is not 5 digits/);
    expect(rejection!.errors[1].message).toMatch(/commune_type "Khu phố"/);
    expect(rejection!.errors[2].message).toMatch(/expected 9 fields, found 5/);
    expect(rejection!.message).toMatch(/nothing was imported/);
  });

  it('applies the 2025-01-01 mergers from the 2025-03-01 list: codes re-used, wards closed', async () => {
    const content = readSharedAdminUnits(LIST_2025);
    const report = await importer.importList(parseFlatUnitList(content, LIST_2025), {
      list: LIST_2025,
      content,
      effectiveFrom: '2025-03-01',
      knownSince: '2025-03-01',
      resolutions: RESOLUTIONS_2025_01_01,
      successions: SUCCESSIONS_2025_01_01,
    });
    expect(report.counts.UnitDissolved).toBeGreaterThan(500);

    expect(await registry.asOf('00292', '2024-06-01')).toMatchObject({ name: 'Phường Quỳnh Lôi' });
    expect(await registry.asOf('00292', '2025-02-01')).toMatchObject({ name: 'Phường Bạch Mai', validFrom: '2025-01-01' });
    expect(await registry.asOf('00010', '2024-12-31')).toMatchObject({ name: 'Phường Nguyễn Trung Trực' });
    expect(await registry.asOf('00010', '2025-01-01')).toBeUndefined();
    expect(await registry.childrenAsOf('001', '2024-06-01')).toHaveLength(14);
    expect(await registry.childrenAsOf('001', '2025-02-01')).toHaveLength(13);
  });

  it('follows the 2025-01-01 mergers of Hà Nội and Đà Nẵng to their successors, dated and cited by the resolutions', async () => {
    const [hanoi, daNang] = RESOLUTIONS_2025_01_01.map((r) => r.legalBasis);
    const edge = (code: string, legalBasis: string, coverage = 'FULL') => ({ code, coverage, effectiveFrom: '2025-01-01', datedBy: 'RESOLUTION', legalBasis });
    // The names carried on: Bạch Mai to 00292, Quốc Tử Giám to Văn Miếu - Quốc Tử Giám, Phương Liên to Phương Liên - Trung Tự, Thịnh Quang to 00235.
    expect(await registry.successors('00286')).toEqual([edge('00292', hanoi)]);
    expect(await registry.successors('00184')).toEqual([edge('00181', hanoi)]);
    expect(await registry.successors('00220')).toEqual([edge('00226', hanoi)]);
    expect(await registry.successors('00223')).toEqual([edge('00235', hanoi)]);
    // The Thanh Khê wards, as the reference gives them; Hòa Minh gave part of itself to Thanh Khê Tây.
    expect(await registry.successors('20203')).toEqual([edge('20209', daNang)]);
    expect(await registry.successors('20221')).toEqual([edge('20218', daNang)]);
    expect(await registry.successors('20225')).toEqual([edge('20207', daNang)]);
    expect(await registry.successors('20212')).toEqual([edge('20215', daNang)]);
    expect(await registry.successors('20200')).toEqual([edge('20200', daNang, 'PARTIAL'), edge('20206', daNang, 'PARTIAL')]);
    expect(await registry.predecessors('20209')).toEqual([edge('20203', daNang), edge('20209', daNang)]);
    expect(await registry.asOf('20206', '2025-01-01')).toMatchObject({ name: 'Phường Thanh Khê Tây', validFrom: '2025-01-01' });
    expect(await registry.asOf('20206', '2024-12-31')).toMatchObject({ name: 'Phường Thanh Khê Tây', validTo: '2024-12-31' });
    // Nguyễn Trung Trực ended, and neither the lists nor the reference say where its territory went: no edge is guessed.
    expect(await registry.successors('00010')).toEqual([]);
  });

  it('dates changes no resolution dates by the list that shows them', async () => {
    // Thừa Thiên Huế became the centrally-run Thành phố Huế between the 2022 and 2025 lists.
    expect(await registry.asOf('46', '2025-02-28')).toMatchObject({ type: 'Tỉnh', validTo: '2025-02-28' });
    expect(await registry.asOf('46', '2025-03-01')).toMatchObject({ name: 'Thành phố Huế', type: 'Thành phố Trung ương', validFrom: '2025-03-01' });
  });

  it('applies the 2025-07-01 reform from the crosswalk: districts end, communes split and merge under the provinces', async () => {
    const crosswalk = readSharedAdminUnits('vn_crosswalk_20250301_to_20250701.csv');
    const merges = readSharedAdminUnits('vn_provinces_63_to_34.csv');
    const provinces = readSharedAdminUnits('dvhcvn2025_915_CTK-CSCL_province_codes.csv');
    const communes = readSharedAdminUnits('dvhcvn2025_1027_CTK-CSCL_commune_codes.md');
    const newProvinces = parseNewProvinces(provinces, 'province codes');
    const officialCommunes = parseNewCommuneList(communes, 'commune codes', newProvinces);
    expect(officialCommunes).toHaveLength(3321);
    await importer.importReform(
      {
        edges: parseCrosswalk(crosswalk, 'crosswalk'),
        merges: parseProvinceMerges(merges, 'provinces'),
        provinces: newProvinces,
        communes: officialCommunes,
      },
      { list: 'crosswalk', content: crosswalk + merges + provinces + communes, effectiveFrom: '2025-07-01', legalBasis: 'NQ 1654–1687/NQ-UBTVQH15' },
    );

    expect(await registry.asOf('00070', '2021-01-08')).toMatchObject({ name: 'Phường Hàng Trống', parentCode: '002' });
    expect(await registry.asOf('00070', '2025-08-01')).toMatchObject({ name: 'Phường Hoàn Kiếm', parentCode: '01', validFrom: '2025-07-01' });
    expect(await registry.asOf('002', '2025-06-30')).toMatchObject({ name: 'Quận Hoàn Kiếm' });
    expect(await registry.asOf('002', '2025-07-01')).toBeUndefined();
    const reform = { effectiveFrom: '2025-07-01', datedBy: 'RESOLUTION', legalBasis: 'NQ 1654–1687/NQ-UBTVQH15' };
    expect(await registry.successors('00295')).toEqual([
      { code: '00292', coverage: 'PARTIAL', ...reform },
      { code: '00322', coverage: 'PARTIAL', ...reform },
    ]);
    // Thanh Khê Tây took part of Hòa Minh on 2025-01-01 (a new version of itself), then went whole into Thanh Khê.
    expect(await registry.successors('20206')).toEqual([
      { code: '20206', coverage: 'FULL', effectiveFrom: '2025-01-01', datedBy: 'RESOLUTION', legalBasis: RESOLUTIONS_2025_01_01[1].legalBasis },
      { code: '20209', coverage: 'FULL', ...reform },
    ]);
    expect(await registry.successors('49')).toEqual([{ code: '48', coverage: 'FULL', ...reform }]);
    expect(await registry.asOf('49', '2025-07-01')).toBeUndefined();
    expect(await registry.childrenAsOf('01', '2025-08-01')).toHaveLength(126);
    expect(await registry.childrenAsOf('48', '2025-08-01')).toHaveLength(94);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM rm_unit_versions WHERE level = 'COMMUNE' AND (valid_from IS NULL OR valid_from <= '2025-07-01') AND valid_to IS NULL`,
    );
    expect(rows[0].n).toBe(3321);
    expect(await registry.asOf('20333', '2025-08-01')).toMatchObject({ name: 'Đặc khu Hoàng Sa', type: 'Đặc khu', parentCode: '48' });
  });

  it('finds units by name with diacritics folded, as of a date', async () => {
    const minhKhai = await registry.searchByName('phuong minh khai', { asOf: '2022-01-01' });
    expect(minhKhai.filter((u) => u.name === 'Phường Minh Khai')).toHaveLength(6);
    expect(minhKhai.map((u) => u.code)).toEqual(expect.arrayContaining(['00295', '00613']));
    expect((await registry.searchByName('KHƯƠNG THƯỢNG')).map((u) => u.code)).toContain('00238');
    expect(await registry.searchByName('dong da', { asOf: '2025-08-01' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Phường Đống Đa', level: 'COMMUNE' })]),
    );
  });
});
