import { canonicalCommuneName, CrosswalkEdge, planReform } from './plan-reform';
import { UnitVersion } from './unit-version';

const source = { list: 'crosswalk', legalBasis: 'Nghị quyết 1656/NQ-UBTVQH15' };
const v = (code: string, level: UnitVersion['level'], name: string, type: string, parentCode: string | null): UnitVersion => ({
  code,
  level,
  name,
  type,
  parentCode,
  validFrom: null,
  validTo: null,
});

/** Hà Nội with Hai Bà Trưng's Minh Khai (split) and Quỳnh Lôi's successor Bạch Mai, which keeps code 00292. */
const before = new Map(
  [
    v('01', 'PROVINCE', 'Thành phố Hà Nội', 'Thành phố Trung ương', null),
    v('007', 'DISTRICT', 'Quận Hai Bà Trưng', 'Quận', '01'),
    v('00292', 'COMMUNE', 'Phường Bạch Mai', 'Phường', '007'),
    v('00295', 'COMMUNE', 'Phường Minh Khai', 'Phường', '007'),
  ].map((u) => [u.code, u]),
);
const edges: CrosswalkEdge[] = [
  { oldCommuneCode: '00292', newProvinceCode: '01', newCommuneCode: '00292', newCommuneName: 'Phường Bạch Mai', coverage: 'FULL' },
  { oldCommuneCode: '00295', newProvinceCode: '01', newCommuneCode: '00292', newCommuneName: 'Phường Bạch Mai', coverage: 'PARTIAL' },
  { oldCommuneCode: '00295', newProvinceCode: '01', newCommuneCode: '00322', newCommuneName: 'Phường Tương Mai', coverage: 'PARTIAL' },
];

describe('planReform', () => {
  const events = planReform(
    before,
    {
      provinces: [{ code: '01', name: 'Thành phố Hà Nội', type: 'Thành phố Trung ương' }],
      merges: [{ oldProvinceCode: '01', newProvinceCode: '01' }],
      edges,
    },
    { effectiveFrom: '2025-07-01', source },
  );
  const of = (code: string) => events.filter((e) => e.data.code === code).map((e) => e.type);

  it('ends every district on 2025-06-30', () => {
    expect(events).toContainEqual({ type: 'UnitDissolved', data: { code: '007', validTo: '2025-06-30', source } });
  });

  it('splits Minh Khai between Bạch Mai and Tương Mai, both partial, and ends it', () => {
    expect(events).toContainEqual({
      type: 'UnitSucceeded',
      data: {
        code: '00295',
        effectiveFrom: '2025-07-01',
        successors: [
          { code: '00292', coverage: 'PARTIAL' },
          { code: '00322', coverage: 'PARTIAL' },
        ],
        source,
      },
    });
    expect(of('00295')).toEqual(['UnitSucceeded', 'UnitDissolved']);
  });

  it('keeps code 00292 as a new, larger version of Bạch Mai directly under the city', () => {
    expect(of('00292')).toEqual(['UnitSucceeded', 'UnitChanged']);
    expect(events).toContainEqual({
      type: 'UnitChanged',
      data: { code: '00292', name: 'Phường Bạch Mai', type: 'Phường', parentCode: '01', effectiveFrom: '2025-07-01', source },
    });
  });

  it('establishes a code that did not exist before', () => {
    expect(of('00322')).toEqual(['UnitEstablished']);
  });

  it('gives a province that absorbed no other and kept its name no new version, but records its succession', () => {
    expect(of('01')).toEqual(['UnitSucceeded']);
  });

  it('reads the commune type from the official name, capitalising it as officials write it', () => {
    expect(canonicalCommuneName('Đặc khu Hoàng Sa')).toEqual({ name: 'Đặc khu Hoàng Sa', type: 'Đặc khu' });
    expect(canonicalCommuneName('xã Bắc Sơn')).toEqual({ name: 'Xã Bắc Sơn', type: 'Xã' });
    expect(() => canonicalCommuneName('Hoàng Sa')).toThrow(/commune type/);
  });
});
