import { SqlFilter } from '@civic/event-store';
import { spanArrays, UnitSpan } from '../unit-spans';

/**
 * The units a list covers and its dates: one unit's own records (`unitCode`), or a unit and every unit below it
 * (`descendants`: each version with the dates it sat below the unit, as summaries roll them up, so that a ward that
 * moved lists its records under each district for its own months); records dated `from`–`to` (inclusive).
 */
export interface ListUnits {
  readonly unitCode?: string;
  readonly descendants?: readonly UnitSpan[];
  readonly from?: string;
  readonly to?: string;
}

/** How a list's rows name their units: `is` a unit (an SQL expression), `among` an array of codes. */
export interface UnitColumns {
  readonly is: (code: string) => string;
  readonly among: (codes: string) => string;
  /** The record's date: a meeting's held_on, a grant's granted_on, … */
  readonly date: string;
}

/** Adds the clauses of `units` to a list's filter. */
export function withinUnits(where: SqlFilter, units: ListUnits, columns: UnitColumns): SqlFilter {
  where.add((p) => `${columns.date} >= ${p}::date`, units.from).add((p) => `${columns.date} <= ${p}::date`, units.to);
  if (!units.descendants) return where.add((p) => columns.is(p), units.unitCode);
  const [codes, froms, tos] = spanArrays(units.descendants).map((values) => where.param(values));
  // The codes first, which an index answers; then each row's date within the span of its unit.
  return where.always(columns.among(`${codes}::text[]`)).always(
    `EXISTS (SELECT 1 FROM unnest(${codes}::text[], ${froms}::date[], ${tos}::date[]) AS span(code, from_date, to_date)
             WHERE ${columns.is('span.code')} AND ${columns.date} >= coalesce(span.from_date, '-infinity'::date) AND ${columns.date} <= coalesce(span.to_date, 'infinity'::date))`,
  );
}
