import { CivicDate } from '../shared/civic-date';
import { foldForSearch } from '../shared/text-folding';
import { UnitCode } from '../shared/unit-code';
import { SuccessionCoverage } from './admin-unit.events';
import { ListedUnit, UnitVersion } from './unit-version';

/** The provinces whose changes in a list took effect on a resolution's date rather than on the list's. */
export interface ResolutionDating {
  readonly provinceCodes: readonly UnitCode[];
  readonly effectiveFrom: CivicDate;
  readonly legalBasis: string;
}

/** Where a unit's territory went, as a resolution says (a list shows only that the unit ended). */
export interface KnownSuccession {
  readonly code: UnitCode;
  readonly successors: readonly { readonly code: UnitCode; readonly coverage: SuccessionCoverage }[];
}

/** The day a unit's change took effect, and the resolution that says so (none: the list's own date). */
export interface ChangeDate {
  readonly effectiveFrom: CivicDate;
  readonly legalBasis?: string;
}

/**
 * Dates each unit's change by its province: the resolution's date where one covers the province, else the list's.
 * A unit's province is found by walking up the parents, in the new list first, then in the registry.
 */
export function changeDates(
  latest: ReadonlyMap<UnitCode, UnitVersion>,
  listed: readonly ListedUnit[],
  listDate: CivicDate,
  resolutions: readonly ResolutionDating[],
): (code: UnitCode) => ChangeDate {
  const parentInList = new Map(listed.map((unit) => [unit.code, unit.parentCode]));
  const parentOf = (code: UnitCode) => (parentInList.has(code) ? parentInList.get(code) : latest.get(code)?.parentCode) ?? null;
  return (code) => {
    let province = code;
    for (let parent = parentOf(code), depth = 0; parent !== null && depth < 4; parent = parentOf(parent), depth += 1) province = parent;
    const resolution = resolutions.find((r) => r.provinceCodes.includes(province));
    return resolution ? { effectiveFrom: resolution.effectiveFrom, legalBasis: resolution.legalBasis } : { effectiveFrom: listDate };
  };
}

/**
 * Where the territory of each unit that a list no longer holds went: as a resolution says where one is known;
 * otherwise to the one unit of the same district whose new name carries the ended unit's name ("Phường Văn Miếu -
 * Quốc Tử Giám" took Quốc Tử Giám; 00292 took the name of Bạch Mai, 00286). Units the lists say nothing more about
 * get no edge: their successor is unknown, not guessed. Each unit that took another's territory also succeeds its
 * own earlier self, so that a walk back through the edges finds both.
 */
export function listLineage(
  ended: readonly UnitVersion[],
  listed: readonly ListedUnit[],
  known: readonly KnownSuccession[],
): KnownSuccession[] {
  const knownByCode = new Map(known.map((k) => [k.code, k]));
  const listedCodes = new Set(listed.map((unit) => unit.code));
  const lineage: KnownSuccession[] = [];
  for (const unit of ended) {
    const successors = knownByCode.get(unit.code)?.successors ?? carriedName(unit, listed);
    if (successors.length) lineage.push({ code: unit.code, successors });
  }
  // Resolutions may also move part of a unit that goes on (Hòa Minh's part to Thanh Khê Tây).
  for (const succession of known) if (listedCodes.has(succession.code) && !lineage.some((l) => l.code === succession.code)) lineage.push(succession);
  const grown = new Set(lineage.flatMap((l) => l.successors.filter((s) => s.code !== l.code && listedCodes.has(s.code)).map((s) => s.code)));
  for (const code of grown) if (!lineage.some((l) => l.code === code)) lineage.push({ code, successors: [{ code, coverage: 'FULL' }] });
  return lineage;
}

function carriedName(unit: UnitVersion, listed: readonly ListedUnit[]): KnownSuccession['successors'] {
  const name = words(unit);
  const carriers = listed.filter((other) => other.code !== unit.code && other.parentCode === unit.parentCode && containsRun(words(other), name));
  return carriers.length === 1 ? [{ code: carriers[0].code, coverage: 'FULL' }] : [];
}

/** The name without its type ("Phường"), folded, as words. */
function words(unit: { name: string; type: string }): string[] {
  const bare = unit.name.startsWith(`${unit.type} `) ? unit.name.slice(unit.type.length + 1) : unit.name;
  return foldForSearch(bare).split(/[^a-z0-9]+/).filter(Boolean);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) if (needle.every((word, j) => haystack[i + j] === word)) return true;
  return false;
}
