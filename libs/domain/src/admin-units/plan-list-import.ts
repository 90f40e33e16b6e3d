import { CivicDate, dayBefore } from '../shared/civic-date';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { UnitCode } from '../shared/unit-code';
import { AdminUnitEvent, UnitSource } from './admin-unit.events';
import { ListedUnit, sameAttributes, UnitVersion } from './unit-version';

export interface ListImportPlan {
  readonly events: readonly AdminUnitEvent[];
}

/**
 * What an official list, in force from `effectiveFrom`, changes in the registry. `latest` holds the latest
 * version of every code the registry knows. On an empty registry the list is the baseline: its units existed
 * before it (validFrom null). Otherwise a new code is established, a changed name/type/parent is a new version,
 * and a code missing from the list ends the day before. Importing the same list again changes nothing.
 */
export function planListImport(
  latest: ReadonlyMap<UnitCode, UnitVersion>,
  listed: readonly ListedUnit[],
  { effectiveFrom, knownSince, source }: { effectiveFrom: CivicDate; knownSince: CivicDate; source: UnitSource },
): ListImportPlan {
  const newest = [...latest.values()].reduce<CivicDate | null>(
    (max, v) => [v.validFrom, v.validTo].reduce<CivicDate | null>((m, d) => (d && (!m || d > m) ? d : m), max),
    null,
  );
  if (newest && effectiveFrom <= newest && listed.some((unit) => differs(latest.get(unit.code), unit))) {
    throw new DomainRuleViolation(
      'UNIT_LIST.OUT_OF_ORDER',
      `Lists are imported in date order: the registry already holds changes effective ${newest}, so a list effective ${effectiveFrom} cannot change it.`,
      { field: 'effectiveFrom' },
    );
  }
  const baseline = latest.size === 0;
  const events: AdminUnitEvent[] = [];
  const listedCodes = new Set<UnitCode>();
  for (const unit of listed) {
    listedCodes.add(unit.code);
    const current = latest.get(unit.code);
    const attributes = { name: unit.name, type: unit.type, parentCode: unit.parentCode };
    if (!current) {
      events.push({
        type: 'UnitEstablished',
        data: { code: unit.code, level: unit.level, ...attributes, validFrom: baseline ? null : effectiveFrom, knownSince, source },
      });
    } else if (current.validTo !== null || !sameAttributes(current, unit)) {
      events.push({ type: 'UnitChanged', data: { code: unit.code, ...attributes, effectiveFrom, source } });
    }
  }
  for (const version of latest.values()) {
    if (version.validTo === null && !listedCodes.has(version.code)) {
      events.push({ type: 'UnitDissolved', data: { code: version.code, validTo: dayBefore(effectiveFrom), source } });
    }
  }
  return { events };
}

function differs(current: UnitVersion | undefined, unit: ListedUnit): boolean {
  return !current || current.validTo !== null || !sameAttributes(current, unit);
}
