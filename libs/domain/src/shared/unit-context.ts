import { CivicDate } from './civic-date';
import { NATIONAL_CODE, ScopeLevel, UnitCode } from './unit-code';

/**
 * A unit as it stood on the date of a fact, resolved from the registry by the command's handler and handed to
 * the decider: the decider never looks anything up itself.
 */
export interface UnitOnDate {
  readonly code: UnitCode;
  readonly level: ScopeLevel;
  readonly name: string;
  /** GSO type: Phường, Xã, Quận, Huyện, Thành phố Trung ương, ... */
  readonly type: string;
  /** The province (or centrally-run city) the unit belonged to on that date. */
  readonly provinceCode: UnitCode;
}

/** Units named by a command, keyed by code; null where no unit had the code on that date. */
export type UnitsOnDate = Readonly<Record<UnitCode, UnitOnDate | null>>;

/** The nation, where the national bodies sit: always in force, above every unit of the registry. */
export const NATIONAL_UNIT: UnitOnDate = { code: NATIONAL_CODE, level: 'NATIONAL', name: 'Việt Nam', type: 'Quốc gia', provinceCode: NATIONAL_CODE };

/** The unit a code named on the date of the command: the nation for VN, else the registry's answer. */
export const unitIn = (units: UnitsOnDate, code: UnitCode): UnitOnDate | null => (code === NATIONAL_CODE ? NATIONAL_UNIT : (units[code] ?? null));

export interface DateRange {
  readonly from: CivicDate;
  readonly to: CivicDate;
}

export const inRange = (date: CivicDate, range: DateRange): boolean => date >= range.from && date <= range.to;
