import { CivicDate } from '../shared/civic-date';
import { UnitCode, UnitLevel } from '../shared/unit-code';
import { UnitAttributes } from './admin-unit.events';

/** One version of a unit as the registry holds it: valid from `validFrom` (null: since before the baseline) to `validTo` inclusive. */
export interface UnitVersion extends UnitAttributes {
  readonly code: UnitCode;
  readonly level: UnitLevel;
  readonly validFrom: CivicDate | null;
  readonly validTo: CivicDate | null;
}

/** A row of an official list: a unit in force on the list's date. */
export interface ListedUnit extends UnitAttributes {
  readonly code: UnitCode;
  readonly level: UnitLevel;
}

export function sameAttributes(a: UnitAttributes, b: UnitAttributes): boolean {
  return a.name === b.name && a.type === b.type && a.parentCode === b.parentCode;
}
