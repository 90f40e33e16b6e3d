import { Pool } from 'pg';
import { NATIONAL_CODE } from '@civic/domain';

/** When a unit must lie inside a jurisdiction: on a fact's date, at some time in a year, or at any time. */
export type When = { readonly date: string } | { readonly year: number } | 'ever';

const CONDITION = {
  date: '(v.valid_from IS NULL OR v.valid_from <= $3::date) AND (v.valid_to IS NULL OR v.valid_to >= $3::date)',
  year: '(v.valid_from IS NULL OR v.valid_from <= make_date($3::int, 12, 31)) AND (v.valid_to IS NULL OR v.valid_to >= make_date($3::int, 1, 1))',
  ever: '$3::text IS NULL',
};

/**
 * Whether a unit lies inside the units a subject acts for, by the hierarchy of the registry: the unit itself or
 * any unit above it, on the date that matters (a district officer acts for the district's own bodies and its
 * wards; after 2025-07-01 the district is gone and with it that jurisdiction). The nation (VN) lies above every
 * unit: its bodies may take part in a record of any unit, and acting for it is acting for every unit.
 */
export class Jurisdiction {
  constructor(private readonly pool: Pool) {}

  async contains(units: readonly string[], unitCode: string, when: When): Promise<boolean> {
    if (units.includes(unitCode) || units.includes(NATIONAL_CODE)) return true;
    if (await this.containsWhen(units, unitCode, when)) return true;
    // A unit asked about for a year in which it did not exist (a district in 2026) is judged by where it ever sat:
    // the reader is then told it did not exist (404), not that it lies outside their units.
    if (when === 'ever' || !('year' in when) || (await this.existedDuring(unitCode, when.year))) return false;
    return this.containsWhen(units, unitCode, 'ever');
  }

  private async containsWhen(units: readonly string[], unitCode: string, when: When): Promise<boolean> {
    const [condition, value] = when === 'ever' ? [CONDITION.ever, null] : 'date' in when ? [CONDITION.date, when.date] : [CONDITION.year, when.year];
    const { rows } = await this.pool.query<{ inside: boolean }>(
      `WITH RECURSIVE above(code) AS (
         SELECT v.parent_code FROM rm_unit_versions v WHERE v.code = $1 AND v.parent_code IS NOT NULL AND ${condition}
         UNION
         SELECT v.parent_code FROM rm_unit_versions v JOIN above ON v.code = above.code WHERE v.parent_code IS NOT NULL AND ${condition}
       )
       SELECT EXISTS (SELECT 1 FROM above WHERE code = ANY($2)) AS inside`,
      [unitCode, units, value],
    );
    return rows[0].inside;
  }

  private async existedDuring(unitCode: string, year: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ existed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM rm_unit_versions v WHERE v.code = $1 AND ${CONDITION.year.replaceAll('$3', '$2')}) AS existed`,
      [unitCode, year],
    );
    return rows[0].existed;
  }

  /**
   * The units among `units` that had ended before the moment asked about (a district after 2025-07-01), with their
   * names and last day: a token for such a unit still reads its history, and nothing after it.
   */
  async endedBefore(units: readonly string[], when: When): Promise<{ readonly code: string; readonly name: string; readonly lastDay: string }[]> {
    if (when === 'ever' || !units.length) return [];
    const first = 'date' in when ? when.date : `${when.year}-01-01`;
    const { rows } = await this.pool.query<{ code: string; name: string; last_day: string }>(
      `SELECT DISTINCT ON (code) code, name, to_char(valid_to, 'YYYY-MM-DD') AS last_day
       FROM rm_unit_versions WHERE code = ANY($1) ORDER BY code, valid_from DESC NULLS LAST`,
      [units],
    );
    return rows.filter((row) => row.last_day !== null && row.last_day < first).map((row) => ({ code: row.code, name: row.name, lastDay: row.last_day }));
  }
}
