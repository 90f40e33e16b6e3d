import { CivicDate, dayBefore } from '../shared/civic-date';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { UnitCode } from '../shared/unit-code';
import { AdminUnitEvent, SuccessionCoverage, UnitSource } from './admin-unit.events';
import { sameAttributes, UnitVersion } from './unit-version';

/** One edge of the crosswalk: an old commune and (part of) the new commune its territory went to. */
export interface CrosswalkEdge {
  readonly oldCommuneCode: UnitCode;
  readonly newProvinceCode: UnitCode;
  readonly newCommuneCode: UnitCode;
  readonly newCommuneName: string;
  readonly coverage: SuccessionCoverage;
}

export interface ProvinceMerge {
  readonly oldProvinceCode: UnitCode;
  readonly newProvinceCode: UnitCode;
}

/** A commune of the official list in force from the reform (name as officially written). */
export interface NewCommune {
  readonly code: UnitCode;
  readonly name: string;
  readonly provinceCode: UnitCode;
}

export interface NewProvince {
  readonly code: UnitCode;
  readonly name: string;
  readonly type: string;
}

/**
 * The two-tier reform (in force 2025-07-01): provinces merge 63 → 34, the district level ends, communes are
 * re-arranged under the provinces. Every old unit gets its successors; a code that carries on (the unit
 * hosting the new People's Committee keeps its code) gets a new version rather than a new lineage.
 */
export function planReform(
  latest: ReadonlyMap<UnitCode, UnitVersion>,
  {
    provinces,
    merges,
    edges,
    communes = [],
  }: { provinces: readonly NewProvince[]; merges: readonly ProvinceMerge[]; edges: readonly CrosswalkEdge[]; communes?: readonly NewCommune[] },
  { effectiveFrom, source }: { effectiveFrom: CivicDate; source: UnitSource },
): AdminUnitEvent[] {
  const lastDay = dayBefore(effectiveFrom);
  const open = (level: UnitVersion['level']) =>
    [...latest.values()].filter((v) => v.level === level && v.validTo === null && (v.validFrom === null || v.validFrom < effectiveFrom));
  const events: AdminUnitEvent[] = [];
  const carryOn = (code: UnitCode, attributes: { name: string; type: string; parentCode: UnitCode | null }, level: UnitVersion['level'], grew: boolean) => {
    const current = latest.get(code);
    if (!current) {
      events.push({ type: 'UnitEstablished', data: { code, level, ...attributes, validFrom: effectiveFrom, knownSince: effectiveFrom, source } });
    } else if (grew || current.validTo !== null || !sameAttributes(current, attributes)) {
      events.push({ type: 'UnitChanged', data: { code, ...attributes, effectiveFrom, source } });
    }
  };

  // Provinces.
  const newProvinces = new Map(provinces.map((p) => [p.code, p]));
  const mergeOf = new Map(merges.map((m) => [m.oldProvinceCode, m.newProvinceCode]));
  for (const old of open('PROVINCE')) {
    const successor = mergeOf.get(old.code);
    if (!successor || !newProvinces.has(successor)) {
      throw new DomainRuleViolation('UNIT_REFORM.PROVINCE_WITHOUT_SUCCESSOR', `Province ${old.code} (${old.name}) has no successor among the new provinces.`);
    }
    events.push({ type: 'UnitSucceeded', data: { code: old.code, effectiveFrom, successors: [{ code: successor, coverage: 'FULL' }], source } });
    if (!newProvinces.has(old.code)) events.push({ type: 'UnitDissolved', data: { code: old.code, validTo: lastDay, source } });
  }
  for (const province of provinces) {
    const absorbed = merges.filter((m) => m.newProvinceCode === province.code && m.oldProvinceCode !== province.code).length > 0;
    carryOn(province.code, { name: province.name, type: province.type, parentCode: null }, 'PROVINCE', absorbed);
  }

  // Districts: the level ends.
  for (const district of open('DISTRICT')) {
    events.push({ type: 'UnitDissolved', data: { code: district.code, validTo: lastDay, source } });
  }

  // Communes.
  const edgesByOld = groupBy(edges, (e) => e.oldCommuneCode);
  const edgesByNew = groupBy(edges, (e) => e.newCommuneCode);
  for (const old of open('COMMUNE')) {
    const outgoing = edgesByOld.get(old.code) ?? [];
    if (outgoing.length) {
      events.push({
        type: 'UnitSucceeded',
        data: { code: old.code, effectiveFrom, successors: outgoing.map((e) => ({ code: e.newCommuneCode, coverage: e.coverage })), source },
      });
    }
    if (!edgesByNew.has(old.code)) events.push({ type: 'UnitDissolved', data: { code: old.code, validTo: lastDay, source } });
  }
  // The official list is the authority on names; the crosswalk supplies the predecessors. A commune of the list
  // with no predecessor (Đặc khu Hoàng Sa: its district had no communes) is established as new.
  const official = new Map(communes.map((c) => [c.code, c]));
  const newCodes = new Set([...edgesByNew.keys(), ...official.keys()]);
  for (const code of newCodes) {
    const incoming = edgesByNew.get(code) ?? [];
    const listed = official.get(code);
    const { name, type } = canonicalCommuneName(listed?.name ?? incoming[0].newCommuneName);
    const grew = incoming.some((e) => e.oldCommuneCode !== code) || incoming.some((e) => e.coverage === 'PARTIAL');
    carryOn(code, { name, type, parentCode: listed?.provinceCode ?? incoming[0].newProvinceCode }, 'COMMUNE', grew);
  }
  return events;
}

const COMMUNE_TYPES = ['Đặc khu', 'Phường', 'Thị trấn', 'Xã'];

/**
 * The type is the leading word(s) of a commune's official name. Source data sometimes writes it in lower case
 * ("xã Bắc Sơn"); the official name capitalises it ("Xã Bắc Sơn").
 */
export function canonicalCommuneName(raw: string): { name: string; type: string } {
  const type = COMMUNE_TYPES.find((t) => raw.toLocaleLowerCase('vi').startsWith(`${t.toLocaleLowerCase('vi')} `));
  if (!type) {
    throw new DomainRuleViolation('UNIT_REFORM.UNKNOWN_COMMUNE_TYPE', `"${raw}" does not start with a commune type (${COMMUNE_TYPES.join(', ')}).`);
  }
  return { name: `${type}${raw.slice(type.length)}`, type };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
