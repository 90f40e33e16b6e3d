/**
 * A unit code and the dates during which its facts count: a fact belongs to the unit version that held its code on
 * the fact's date, and rolls up through the hierarchy of that date. `from`/`to` are inclusive; null is open.
 */
export interface UnitSpan {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** The spans as three parallel arrays, for `unnest($n::text[], $n+1::date[], $n+2::date[])`. */
export function spanArrays(spans: readonly UnitSpan[]): [string[], (string | null)[], (string | null)[]] {
  return [spans.map((s) => s.code), spans.map((s) => s.from), spans.map((s) => s.to)];
}

/**
 * SQL joining a read model's rows to the spans given as parameters $first..$first+2: the row's unit and date fall in
 * one span. Spans of one code never overlap (a code's versions do not, and each is reached through one parent
 * version at a time), so a row joins at most one span and is counted once.
 */
export function joinSpans(unitColumn: string, dateColumn: string, first: number): string {
  return `JOIN unnest($${first}::text[], $${first + 1}::date[], $${first + 2}::date[]) AS span(code, from_date, to_date)
    ON ${unitColumn} = span.code
   AND ${dateColumn} >= coalesce(span.from_date, '-infinity'::date) AND ${dateColumn} <= coalesce(span.to_date, 'infinity'::date)`;
}

/** Codes of the spans, once each: what a summary read depends on. */
export const codesOf = (spans: readonly UnitSpan[]) => [...new Set(spans.map((s) => s.code))];
