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
});
