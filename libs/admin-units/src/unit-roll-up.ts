import { CivicDate, dayAfter, UnitCode, UnitLevel } from '@civic/domain';
import { Queryable } from '@civic/database';

/**
 * A version of a unit as a summary rolls it up: counted for facts dated from `from` to `to` (inclusive, null is
 * open), the dates on which this version was in force *and* sat below the summarised unit. A ward that moved
 * district has one span under each; a code that a later unit reused has the reused version's span elsewhere.
 */
export interface RolledUpVersion {
  readonly code: UnitCode;
  readonly level: UnitLevel;
  readonly name: string;
  readonly parentCode: UnitCode | null;
  readonly from: CivicDate | null;
  readonly to: CivicDate | null;
  /** The unit directly below the summarised one through which this version is reached; null for the unit's own. */
  readonly branch: UnitBranch | null;
}

/** A unit directly below the summarised one, as one version of it names it: a row of a summary's breakdown. */
export interface UnitBranch {
  readonly code: UnitCode;
  readonly level: UnitLevel;
  readonly name: string;
}

interface SpanRow {
  code: string;
  level: UnitLevel;
  name: string;
  parent_code: string | null;
  span_from: string | null;
  span_to: string | null;
  branch_code: string | null;
  branch_level: UnitLevel | null;
  branch_name: string | null;
}

/**
 * The versions of a unit at `level` in force during `year`, and every version below them, each with the dates it
 * sat below them, walking the hierarchy of each date: a child's span is its own validity cut to its parent's span
 * (greatest/least pass over nulls, which are the open ends). Spans reach past the year: a grant for a year's
 * achievements may be made after it, by the unit of its grant date.
 */
export function rollUp(sql: Queryable, code: UnitCode, level: UnitLevel, year: number): Promise<RolledUpVersion[]> {
  return rollUpBetween(sql, code, level, `${year}-01-01`, `${year}-12-31`);
}

/** As `rollUp`, for the versions of the unit in force at some time from `from` to `to` (inclusive; null is open). */
export async function rollUpBetween(sql: Queryable, code: UnitCode, level: UnitLevel, from: CivicDate | null, to: CivicDate | null): Promise<RolledUpVersion[]> {
  const { rows } = await sql.query<SpanRow>(
    `WITH RECURSIVE tree AS (
       SELECT code, level, name, parent_code, valid_from AS span_from, valid_to AS span_to, 0 AS depth,
              NULL::text AS branch_code, NULL::text AS branch_level, NULL::text AS branch_name
       FROM rm_unit_versions
       WHERE code = $1 AND level = $2
         AND (valid_from IS NULL OR $4::date IS NULL OR valid_from <= $4::date) AND (valid_to IS NULL OR $3::date IS NULL OR valid_to >= $3::date)
       UNION ALL
       SELECT v.code, v.level, v.name, v.parent_code, greatest(t.span_from, v.valid_from), least(t.span_to, v.valid_to), t.depth + 1,
              coalesce(t.branch_code, v.code), coalesce(t.branch_level, v.level::text), coalesce(t.branch_name, v.name)
       FROM tree t JOIN rm_unit_versions v ON v.parent_code = t.code
       WHERE t.depth < 3
         AND (v.valid_from IS NULL OR t.span_to IS NULL OR v.valid_from <= t.span_to)
         AND (v.valid_to IS NULL OR t.span_from IS NULL OR v.valid_to >= t.span_from)
     )
     SELECT code, level, name, parent_code, to_char(span_from, 'YYYY-MM-DD') AS span_from, to_char(span_to, 'YYYY-MM-DD') AS span_to,
            branch_code, branch_level, branch_name
     FROM tree ORDER BY depth, code, span_from NULLS FIRST`,
    [code, level, from, to],
  );
  return rows.map((row) => ({
    code: row.code,
    level: row.level,
    name: row.name,
    parentCode: row.parent_code,
    from: row.span_from,
    to: row.span_to,
    branch: row.branch_code === null ? null : { code: row.branch_code, level: row.branch_level as UnitLevel, name: row.branch_name as string },
  }));
}

/** The part of a span that lies within a year, or undefined when none does. */
export function withinYear<T extends { from: CivicDate | null; to: CivicDate | null }>(span: T, year: number): T | undefined {
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  const from = span.from === null || span.from < first ? first : span.from;
  const to = span.to === null || span.to > last ? last : span.to;
  return from <= to ? { ...span, from, to } : undefined;
}

/** One unit that held a code: consecutive versions of it (renamed, retyped, moved) with the dates it held the code. */
export interface UnitHoldingCode {
  readonly code: UnitCode;
  readonly name: string;
  readonly from: CivicDate | null;
  readonly to: CivicDate | null;
  readonly versions: readonly { readonly name: string; readonly parentCode: UnitCode | null; readonly from: CivicDate | null; readonly to: CivicDate | null }[];
}

/**
 * The units that held a commune code at some time during a year, oldest first. A version begins another unit when
 * the code was taken over by a merger under another name or another parent (a succession edge from another code,
 * or from part of a unit, on the version's first day: 00292 passed from Quỳnh Lôi to Bạch Mai on 2025-01-01, 00070
 * from Hàng Trống to Phường Hoàn Kiếm on 2025-07-01), or when the code had lapsed before it. A ward that absorbed
 * another and kept its name and district goes on (Xuân Hà took Tam Thuận on 2025-01-01). Facts of two units that
 * held one code are two units' facts.
 */
export async function unitsHoldingCode(sql: Queryable, code: UnitCode, year: number): Promise<UnitHoldingCode[]> {
  const { rows } = await sql.query<{ name: string; parent_code: string | null; valid_from: string | null; valid_to: string | null; taken_over: boolean }>(
    `SELECT name, parent_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
            EXISTS (SELECT 1 FROM rm_unit_successions s
                    WHERE s.successor_code = v.code AND s.effective_from = v.valid_from
                      AND (s.predecessor_code <> v.code OR s.coverage = 'PARTIAL')) AS taken_over
     FROM rm_unit_versions v
     WHERE code = $1 AND level = 'COMMUNE'
       AND (valid_from IS NULL OR valid_from <= make_date($2::int, 12, 31)) AND (valid_to IS NULL OR valid_to >= make_date($2::int, 1, 1))
     ORDER BY valid_from NULLS FIRST`,
    [code, year],
  );
  const units: { name: string; from: CivicDate | null; to: CivicDate | null; versions: UnitHoldingCode['versions'][number][] }[] = [];
  let previous: (typeof rows)[number] | undefined;
  for (const row of rows) {
    const version = { name: row.name, parentCode: row.parent_code, from: row.valid_from, to: row.valid_to };
    const lapsed = previous !== undefined && (previous.valid_to === null || row.valid_from === null || row.valid_from > dayAfter(previous.valid_to));
    const takenOver = previous !== undefined && row.taken_over && (row.name !== previous.name || row.parent_code !== previous.parent_code);
    const current = units[units.length - 1];
    if (!current || takenOver || lapsed) units.push({ name: row.name, from: row.valid_from, to: row.valid_to, versions: [version] });
    else Object.assign(current, { name: row.name, to: row.valid_to }).versions.push(version);
    previous = row;
  }
  return units.map((unit) => ({ code, ...unit }));
}
