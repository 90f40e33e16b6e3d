/**
 * A civic date is a local calendar date (YYYY-MM-DD, Asia/Ho_Chi_Minh) on which something happened in
 * public life. It is never a timestamp: a meeting "held on 12/01/2021" has no time zone of its own.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type CivicDate = string;

const CIVIC_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivicDate(value: unknown): value is CivicDate {
  if (typeof value !== 'string') return false;
  const match = CIVIC_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function yearOf(date: CivicDate): number {
  return Number(date.slice(0, 4));
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh has no daylight saving time.

/** The civic date in Việt Nam at a given instant. */
export function civicDateAt(instant: Date): CivicDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day after a civic date: the first day of a successor when its predecessor ended on `date`. */
export function dayAfter(date: CivicDate): CivicDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The day before a civic date: the last day a unit existed when its successor starts on `date`. */
export function dayBefore(date: CivicDate): CivicDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
