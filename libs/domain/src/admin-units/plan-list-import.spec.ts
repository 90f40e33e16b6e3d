import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { planListImport } from './plan-list-import';
import { ListedUnit, UnitVersion } from './unit-version';

const source = { list: 'test list' };
const hangTrong: ListedUnit = { code: '00070', level: 'COMMUNE', name: 'Phường Hàng Trống', type: 'Phường', parentCode: '002' };
const quynhLoi: ListedUnit = { code: '00292', level: 'COMMUNE', name: 'Phường Quỳnh Lôi', type: 'Phường', parentCode: '007' };
const asVersion = (unit: ListedUnit, validFrom: string | null = null, validTo: string | null = null): UnitVersion => ({ ...unit, validFrom, validTo });
const registry = (...versions: UnitVersion[]) => new Map(versions.map((v) => [v.code, v]));

describe('planListImport', () => {
  it('takes the first list as the baseline: its units existed before it', () => {
    const { events } = planListImport(new Map(), [hangTrong], { effectiveFrom: '2021-02-01', knownSince: '2021-02-01', source });
    expect(events).toEqual([
      { type: 'UnitEstablished', data: { ...hangTrong, validFrom: null, knownSince: '2021-02-01', source } },
    ]);
  });

  it('changes nothing when the same list is imported again', () => {
    const { events } = planListImport(registry(asVersion(hangTrong)), [hangTrong], { effectiveFrom: '2021-02-01', knownSince: '2021-02-01', source });
    expect(events).toEqual([]);
  });

  it('records a renamed unit under the same code as a new version (00292 Quỳnh Lôi became Bạch Mai)', () => {
    const bachMai = { ...quynhLoi, name: 'Phường Bạch Mai' };
    const { events } = planListImport(registry(asVersion(quynhLoi)), [bachMai], { effectiveFrom: '2025-01-01', knownSince: '2025-03-01', source });
    expect(events).toEqual([
      { type: 'UnitChanged', data: { code: '00292', name: 'Phường Bạch Mai', type: 'Phường', parentCode: '007', effectiveFrom: '2025-01-01', source } },
    ]);
  });

  it('ends a unit missing from a later list on the day before that list takes effect, and establishes new codes from it', () => {
    const newcomer: ListedUnit = { code: '20226', level: 'COMMUNE', name: 'Phường Mới', type: 'Phường', parentCode: '491' };
    const { events } = planListImport(registry(asVersion(hangTrong), asVersion(quynhLoi)), [hangTrong, newcomer], {
      effectiveFrom: '2025-01-01',
      knownSince: '2025-03-01',
      source,
    });
    expect(events).toEqual([
      { type: 'UnitEstablished', data: { ...newcomer, validFrom: '2025-01-01', knownSince: '2025-03-01', source } },
      { type: 'UnitDissolved', data: { code: '00292', validTo: '2024-12-31', source } },
    ]);
  });

  it('refuses a list that would change the registry before changes it already holds', () => {
    const current = registry(asVersion(quynhLoi, '2025-01-01'));
    expect(() =>
      planListImport(current, [{ ...quynhLoi, name: 'Phường Khác' }], { effectiveFrom: '2022-04-10', knownSince: '2022-04-10', source }),
    ).toThrow(DomainRuleViolation);
  });

  describe('lineage between two lists', () => {
    const ward = (code: string, name: string, parentCode: string): ListedUnit => ({ code, level: 'COMMUNE', name, type: 'Phường', parentCode });
    const province = (code: string): ListedUnit => ({ code, level: 'PROVINCE', name: `Tỉnh ${code}`, type: 'Tỉnh', parentCode: null });
    const district = (code: string, parentCode: string): ListedUnit => ({ code, level: 'DISTRICT', name: `Quận ${code}`, type: 'Quận', parentCode });
    const vanMieu = ward('00181', 'Phường Văn Miếu', '006');
    const quocTuGiam = ward('00184', 'Phường Quốc Tử Giám', '006');
    const cauDen = ward('00274', 'Phường Cầu Dền', '007');
    const before = registry(...[province('01'), district('006', '01'), district('007', '01'), vanMieu, quocTuGiam, cauDen, quynhLoi].map((u) => asVersion(u)));
    const after = [province('01'), district('006', '01'), district('007', '01'), ward('00181', 'Phường Văn Miếu - Quốc Tử Giám', '006'), { ...quynhLoi, name: 'Phường Bạch Mai' }];
    const hanoi = { provinceCodes: ['01'], effectiveFrom: '2025-01-01', legalBasis: 'NQ 1286/NQ-UBTVQH15' };
    const succeeded = (events: readonly { type: string; data: unknown }[]) => events.filter((e) => e.type === 'UnitSucceeded').map((e) => e.data);

    it('follows an ended unit to the one unit of its district whose new name carries its name, and the survivor to itself', () => {
      const { events } = planListImport(before, after, { effectiveFrom: '2025-03-01', knownSince: '2025-03-01', source });
      expect(succeeded(events)).toEqual([
        { code: '00184', successors: [{ code: '00181', coverage: 'FULL' }], effectiveFrom: '2025-03-01', source },
        { code: '00181', successors: [{ code: '00181', coverage: 'FULL' }], effectiveFrom: '2025-03-01', source },
      ]);
      // Cầu Dền's name is carried by no unit: its successor is unknown, not guessed.
      expect(events).toContainEqual({ type: 'UnitDissolved', data: { code: '00274', validTo: '2025-02-28', source } });
    });

    it('dates the changes of a province by its resolution and cites it, the others by the list', () => {
      const elsewhere = ward('19900', 'Phường Thuận An', '474');
      const withHue = registry(...before.values(), asVersion(province('46')), asVersion(district('474', '46')), asVersion(elsewhere));
      const { events } = planListImport(withHue, [...after, province('46'), district('474', '46'), { ...elsewhere, name: 'Phường Thuận An Mới' }], {
        effectiveFrom: '2025-03-01',
        knownSince: '2025-03-01',
        source,
        resolutions: [hanoi],
      });
      const cited = { ...source, legalBasis: hanoi.legalBasis };
      expect(events).toContainEqual({ type: 'UnitDissolved', data: { code: '00184', validTo: '2024-12-31', source: cited } });
      expect(events).toContainEqual({ type: 'UnitChanged', data: { code: '00292', name: 'Phường Bạch Mai', type: 'Phường', parentCode: '007', effectiveFrom: '2025-01-01', source: cited } });
      expect(events).toContainEqual({ type: 'UnitChanged', data: { code: '19900', name: 'Phường Thuận An Mới', type: 'Phường', parentCode: '474', effectiveFrom: '2025-03-01', source } });
    });

    it('takes where a resolution says the territory went, including part of a unit that goes on, which makes new versions of both', () => {
      const hoaMinh = ward('20200', 'Phường Hòa Minh', '490');
      const thanhKheTay = ward('20206', 'Phường Thanh Khê Tây', '491');
      const daNang = [province('48'), district('490', '48'), district('491', '48'), hoaMinh, thanhKheTay];
      const successions = [
        { code: '20200', successors: [{ code: '20200', coverage: 'PARTIAL' as const }, { code: '20206', coverage: 'PARTIAL' as const }] },
        { code: '00274', successors: [{ code: '00292', coverage: 'FULL' as const }] },
      ];
      const options = { effectiveFrom: '2025-03-01', knownSince: '2025-03-01', source, successions };
      const { events } = planListImport(registry(...[...before.values()], ...daNang.map((u) => asVersion(u))), [...after, ...daNang], options);
      expect(succeeded(events)).toEqual(
        expect.arrayContaining([
          { code: '00274', successors: [{ code: '00292', coverage: 'FULL' }], effectiveFrom: '2025-03-01', source },
          { code: '20200', successors: successions[0].successors, effectiveFrom: '2025-03-01', source },
          { code: '00292', successors: [{ code: '00292', coverage: 'FULL' }], effectiveFrom: '2025-03-01', source },
        ]),
      );
      const changed = events.filter((e) => e.type === 'UnitChanged').map((e) => e.data.code).sort();
      expect(changed).toEqual(['00181', '00292', '20200', '20206']);

      // Imported again on the registry it left, the resolution's succession is not applied twice.
      const left = registry(...daNang.map((u) => asVersion(u, ['20200', '20206'].includes(u.code) ? '2025-03-01' : null)));
      expect(planListImport(left, daNang, { ...options, successions: [successions[0]] }).events).toEqual([]);
    });
  });
});
