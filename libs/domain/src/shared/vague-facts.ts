import { CivicDate } from './civic-date';
import { DomainRuleViolation } from './domain-rule-violation';

/**
 * How exact a reported count is: "41 tập thể", "khoảng 100", "hơn 300". Officials record what the source says;
 * a figure that was approximate is never turned into an exact one.
 */
export const COUNT_QUALIFIERS = {
  EXACT: { vi: 'chính xác', en: 'exact count' },
  APPROX: { vi: 'khoảng', en: 'approximate' },
  AT_LEAST: { vi: 'hơn / trên', en: 'at least (more than)' },
} as const;
export type CountQualifier = keyof typeof COUNT_QUALIFIERS;
export const COUNT_QUALIFIER_VALUES = Object.keys(COUNT_QUALIFIERS) as CountQualifier[];

/**
 * How exact a reported date is. DAY: the date itself. MONTH: some day of that month, written as its first day
 * ("tháng 3/2021" → 2021-03-01). ON_OR_BEFORE: the latest it can have been, as when an article reports a decision
 * at a meeting without its date (the meeting's date). Rules that depend on the date (the law in force, the units
 * then) are judged on the date written.
 */
export const DATE_PRECISIONS = {
  DAY: { vi: 'ngày', en: 'the day itself' },
  MONTH: { vi: 'trong tháng', en: 'some day of the month' },
  ON_OR_BEFORE: { vi: 'chậm nhất ngày', en: 'on or before the day' },
} as const;
export type DatePrecision = keyof typeof DATE_PRECISIONS;
export const DATE_PRECISION_VALUES = Object.keys(DATE_PRECISIONS) as DatePrecision[];

/** A date known to the month is written as the month's first day, so that it sorts and compares as one. */
export function checkDatePrecision(date: CivicDate, precision: DatePrecision, field: string, code: string): void {
  if (precision === 'MONTH' && !date.endsWith('-01')) {
    throw new DomainRuleViolation(code, `A date known only to its month is written as the month's first day (${date.slice(0, 8)}01), not ${date}.`, { field });
  }
}
