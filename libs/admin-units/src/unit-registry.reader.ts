import { CivicDate, foldForSearch, UnitCode, UnitOnDate, UnitsOnDate, UnitVersion } from '@civic/domain';
import { Queryable } from '@civic/database';

interface VersionRow {
  code: string;
  level: UnitVersion['level'];
  name: string;
  type: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

const VERSION_COLUMNS = `code, level, name, type, parent_code,
  to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to`;
const OVERLAPS_YEAR = `(valid_from IS NULL OR valid_from <= make_date($2::int, 12, 31)) AND (valid_to IS NULL OR valid_to >= make_date($2::int, 1, 1))`;
const VALID_AT = '(valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to >= $2::date)';

const toVersion = (row: VersionRow): UnitVersion => ({
  code: row.code,
  level: row.level,
  name: row.name,
  type: row.type,
  parentCode: row.parent_code,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

export interface Succession {
  readonly code: UnitCode;
  readonly coverage: 'FULL' | 'PARTIAL';
  readonly effectiveFrom: CivicDate;
  /**
   * RESOLUTION: `effectiveFrom` is the day the resolution named in `legalBasis` took effect. LIST: it is the date of
   * the official list that first showed the change, which took effect on or before it.
   */
  readonly datedBy: 'RESOLUTION' | 'LIST';
  readonly legalBasis: string | null;
}

interface SuccessionRow {
  code: string;
  coverage: Succession['coverage'];
  effective_from: string;
  legal_basis: string | null;
}

const toSuccession = (row: SuccessionRow): Succession => ({
  code: row.code,
  coverage: row.coverage,
  effectiveFrom: row.effective_from,
  datedBy: row.legal_basis ? 'RESOLUTION' : 'LIST',
  legalBasis: row.legal_basis,
});

/**
 * Questions about units, always as of a date: codes are re-used by successor units (00070 was Hàng Trống and is
 * now Phường Hoàn Kiếm), names repeat (six "Phường Minh Khai"), and districts end on 2025-07-01.
 */
export class UnitRegistryReader {
  constructor(protected readonly sql: Queryable) {}

  async asOf(code: UnitCode, date: CivicDate): Promise<UnitVersion | undefined> {
    const { rows } = await this.sql.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM rm_unit_versions WHERE code = $1 AND ${VALID_AT}`, [code, date]);
    return rows.length ? toVersion(rows[0]) : undefined;
  }

  /** The versions of a unit in force at some time during a year (a ward renamed mid-year has two). */
  async duringYear(code: UnitCode, year: number): Promise<UnitVersion[]> {
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM rm_unit_versions WHERE code = $1 AND ${OVERLAPS_YEAR} ORDER BY valid_from NULLS FIRST`,
      [code, year],
    );
    return rows.map(toVersion);
  }

  /**
   * Every unit below `code` at some time during the year, following the hierarchy as it was then: a ward that
   * belonged to the district in that year counts, even if it was merged away before the year ended.
   */
  async descendantsDuringYear(code: UnitCode, year: number): Promise<UnitVersion[]> {
    const { rows } = await this.sql.query<VersionRow>(
      `WITH RECURSIVE tree AS (
         SELECT * FROM rm_unit_versions WHERE parent_code = $1 AND ${OVERLAPS_YEAR}
         UNION
         SELECT v.* FROM rm_unit_versions v JOIN tree t ON v.parent_code = t.code
         WHERE ${OVERLAPS_YEAR.replace(/valid_/g, 'v.valid_')}
       )
       SELECT DISTINCT ON (code) ${VERSION_COLUMNS} FROM tree ORDER BY code, valid_from DESC NULLS LAST`,
      [code, year],
    );
    return rows.map(toVersion);
  }

  /** A unit as a decider needs it on a date, with the province it belonged to then; null if none had the code. */
  async unitOnDate(code: UnitCode, date: CivicDate): Promise<UnitOnDate | null> {
    return (await this.unitsOnDate([code], date))[code];
  }

  /**
   * Units as deciders need them on a date, each with the province it belonged to then (null for a code no unit
   * had): one query walking up the hierarchy of that date, since every command asks this before it decides.
   * The parent is looked up LATERALly, by index: a plain join in the recursive step makes Postgres hash the
   * whole registry on each step, many times slower (docs/performance.md, "Measurements behind the code").
   */
  async unitsOnDate(codes: readonly UnitCode[], date: CivicDate): Promise<UnitsOnDate> {
    const asked = [...new Set(codes)];
    const { rows } = await this.sql.query<{ asked: string; depth: number; code: string; level: UnitVersion['level']; name: string; type: string }>(
      `WITH RECURSIVE up AS (
         SELECT code AS asked, 0 AS depth, code, level, name, type, parent_code FROM rm_unit_versions
         WHERE code = ANY($1::text[]) AND ${VALID_AT}
         UNION ALL
         SELECT up.asked, up.depth + 1, v.code, v.level, v.name, v.type, v.parent_code
         FROM up CROSS JOIN LATERAL (SELECT * FROM rm_unit_versions WHERE code = up.parent_code AND ${VALID_AT} LIMIT 1) v
         WHERE up.depth < 4
       )
       SELECT asked, depth, code, level, name, type FROM up ORDER BY asked, depth`,
      [asked, date],
    );
    const units: Record<UnitCode, UnitOnDate | null> = Object.fromEntries(asked.map((code) => [code, null]));
    for (const row of rows) {
      const found = units[row.asked];
      if (row.depth === 0 && !found) units[row.asked] = { code: row.code, level: row.level, name: row.name, type: row.type, provinceCode: row.code };
      else if (found) units[row.asked] = { ...found, provinceCode: row.code };
    }
    return units;
  }

  async history(code: UnitCode): Promise<UnitVersion[]> {
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM rm_unit_versions WHERE code = $1 ORDER BY valid_from NULLS FIRST`,
      [code],
    );
    return rows.map(toVersion);
  }

  async childrenAsOf(code: UnitCode, date: CivicDate): Promise<UnitVersion[]> {
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM rm_unit_versions WHERE parent_code = $1 AND ${VALID_AT} ORDER BY code`,
      [code, date],
    );
    return rows.map(toVersion);
  }

  /** Every unit below `code` on `date` (a city's districts and their wards). */
  async descendantsAsOf(code: UnitCode, date: CivicDate): Promise<UnitVersion[]> {
    const { rows } = await this.sql.query<VersionRow>(
      `WITH RECURSIVE tree AS (
         SELECT * FROM rm_unit_versions WHERE parent_code = $1 AND ${VALID_AT}
         UNION ALL
         SELECT v.* FROM rm_unit_versions v JOIN tree t ON v.parent_code = t.code
         WHERE (v.valid_from IS NULL OR v.valid_from <= $2::date) AND (v.valid_to IS NULL OR v.valid_to >= $2::date)
       )
       SELECT ${VERSION_COLUMNS} FROM tree ORDER BY code`,
      [code, date],
    );
    return rows.map(toVersion);
  }

  /** Where the unit's territory went, each edge with its date and how it is known. */
  async successors(code: UnitCode): Promise<Succession[]> {
    const { rows } = await this.sql.query<SuccessionRow>(
      `SELECT successor_code AS code, coverage, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, legal_basis
       FROM rm_unit_successions WHERE predecessor_code = $1 ORDER BY effective_from, successor_code`,
      [code],
    );
    return rows.map(toSuccession);
  }

  async predecessors(code: UnitCode): Promise<Succession[]> {
    const { rows } = await this.sql.query<SuccessionRow>(
      `SELECT predecessor_code AS code, coverage, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, legal_basis
       FROM rm_unit_successions WHERE successor_code = $1 ORDER BY effective_from, predecessor_code`,
      [code],
    );
    return rows.map(toSuccession);
  }

  /** Search by name with diacritics folded ("khuong thuong" finds Phường Khương Thượng), optionally as of a date. */
  async searchByName(name: string, { asOf, limit = 50 }: { asOf?: CivicDate; limit?: number } = {}): Promise<UnitVersion[]> {
    const pattern = `%${foldForSearch(name).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM rm_unit_versions
       WHERE name_folded LIKE $1 AND ($2::date IS NULL OR ${VALID_AT})
       ORDER BY level, name_folded, code, valid_from NULLS FIRST LIMIT $3`,
      [pattern, asOf ?? null, limit],
    );
    return rows.map(toVersion);
  }

  /** The latest version of every code: what an import is compared with. */
  async latestVersions(): Promise<Map<UnitCode, UnitVersion>> {
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT DISTINCT ON (code) ${VERSION_COLUMNS} FROM rm_unit_versions ORDER BY code, valid_from DESC NULLS LAST`,
    );
    return new Map(rows.map((row) => [row.code, toVersion(row)]));
  }
}
