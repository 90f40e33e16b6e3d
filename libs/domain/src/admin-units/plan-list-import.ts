import { CivicDate, dayBefore } from '../shared/civic-date';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { UnitCode } from '../shared/unit-code';
import { AdminUnitEvent, UnitSource } from './admin-unit.events';
import { ListedUnit, sameAttributes, UnitVersion } from './unit-version';
import { changeDates, KnownSuccession, listLineage, ResolutionDating } from './list-lineage';

export interface ListImportPlan {
  readonly events: readonly AdminUnitEvent[];
}

export interface ListImportOptions {
  /** The list's date: when its changes took effect, unless a resolution dates a province's changes. */
  readonly effectiveFrom: CivicDate;
  readonly knownSince: CivicDate;
  readonly source: UnitSource;
  /** Provinces whose changes took effect on a resolution's date (the 2025-01-01 mergers of Hà Nội and Đà Nẵng). */
  readonly resolutions?: readonly ResolutionDating[];
  /** Where ended units' territory went, as resolutions say; other ended units are followed by the names carried. */
  readonly successions?: readonly KnownSuccession[];
}

/**
 * What an official list changes in the registry. `latest` holds the latest version of every code the registry
 * knows. On an empty registry the list is the baseline: its units existed before it (validFrom null). Otherwise a
 * new code is established, a changed name/type/parent is a new version, a code missing from the list ends the day
 * before, and the ended units' territory is followed to their successors (listLineage). Each change is dated by
 * its province's resolution where one is given, else by the list, and its source names the resolution only then:
 * a change without a legal basis is dated by the list that shows it. Importing the same list again changes nothing.
 */
export function planListImport(
  latest: ReadonlyMap<UnitCode, UnitVersion>,
  listed: readonly ListedUnit[],
  { effectiveFrom, knownSince, source, resolutions = [], successions = [] }: ListImportOptions,
): ListImportPlan {
  const newest = [...latest.values()].reduce<CivicDate | null>(
    (max, v) => [v.validFrom, v.validTo].reduce<CivicDate | null>((m, d) => (d && (!m || d > m) ? d : m), max),
    null,
  );
  const dated = changeDates(latest, listed, effectiveFrom, resolutions);
  const earliest = [effectiveFrom, ...resolutions.map((r) => r.effectiveFrom)].sort()[0];
  if (newest && earliest <= newest && listed.some((unit) => differs(latest.get(unit.code), unit))) {
    throw new DomainRuleViolation(
      'UNIT_LIST.OUT_OF_ORDER',
      `Lists are imported in date order: the registry already holds changes effective ${newest}, so a list effective ${earliest} cannot change it.`,
      { field: 'effectiveFrom' },
    );
  }
  const baseline = latest.size === 0;
  const sourceOf = (code: UnitCode): UnitSource => {
    const { legalBasis } = dated(code);
    return legalBasis ? { ...source, legalBasis } : source;
  };
  const listedCodes = new Set(listed.map((unit) => unit.code));
  const ended = baseline ? [] : [...latest.values()].filter((version) => version.validTo === null && !listedCodes.has(version.code));
  // A resolution's succession for a unit that goes on is applied once: not again when its version already starts then.
  const pending = successions.filter(({ code }) => latest.get(code)?.validFrom !== dated(code).effectiveFrom);
  const lineage = baseline ? [] : listLineage(ended, listed, pending);
  const grown = new Set(lineage.flatMap((l) => l.successors.filter((s) => s.code !== l.code || s.coverage === 'PARTIAL').map((s) => s.code)));
  const events: AdminUnitEvent[] = [];
  for (const unit of listed) {
    const current = latest.get(unit.code);
    const attributes = { name: unit.name, type: unit.type, parentCode: unit.parentCode };
    if (!current) {
      events.push({
        type: 'UnitEstablished',
        data: { code: unit.code, level: unit.level, ...attributes, validFrom: baseline ? null : dated(unit.code).effectiveFrom, knownSince, source: sourceOf(unit.code) },
      });
    } else if (current.validTo !== null || !sameAttributes(current, unit) || grown.has(unit.code)) {
      // A unit that took another's territory is a new version even under the same name (Thanh Khê Tây, 2025-01-01).
      events.push({ type: 'UnitChanged', data: { code: unit.code, ...attributes, effectiveFrom: dated(unit.code).effectiveFrom, source: sourceOf(unit.code) } });
    }
  }
  for (const succession of lineage) {
    events.push({ type: 'UnitSucceeded', data: { ...succession, effectiveFrom: dated(succession.code).effectiveFrom, source: sourceOf(succession.code) } });
  }
  for (const version of ended) {
    events.push({ type: 'UnitDissolved', data: { code: version.code, validTo: dayBefore(dated(version.code).effectiveFrom), source: sourceOf(version.code) } });
  }
  return { events };
}

function differs(current: UnitVersion | undefined, unit: ListedUnit): boolean {
  return !current || current.validTo !== null || !sameAttributes(current, unit);
}
