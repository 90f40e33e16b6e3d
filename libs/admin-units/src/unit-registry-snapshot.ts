import { CivicDate, UnitCode, UnitOnDate, UnitsOnDate, UnitVersion } from '@civic/domain';
import { Queryable } from '@civic/database';

/** How far up a unit's hierarchy its province is looked for: commune, district, province (and one spare). */
const LEVELS_ABOVE = 4;

const validAt = (version: UnitVersion, date: CivicDate): boolean =>
  (version.validFrom === null || version.validFrom <= date) && (version.validTo === null || version.validTo >= date);

/**
 * The whole unit registry in memory (some fifteen thousand versions, a few megabytes), to answer the question every
 * command asks before it decides, the units of its date, without a query: UnitRegistryReader.unitsOnDate walks the
 * same hierarchy in SQL. Whoever keeps a snapshot must drop it when the registry changes (CachedUnitRegistry).
 */
export class UnitRegistrySnapshot {
  private constructor(private readonly versionsByCode: ReadonlyMap<UnitCode, readonly UnitVersion[]>) {}

  static async load(sql: Queryable): Promise<UnitRegistrySnapshot> {
    const { rows } = await sql.query<{ code: string; level: UnitVersion['level']; name: string; type: string; parent_code: string | null; valid_from: string | null; valid_to: string | null }>(
      `SELECT code, level, name, type, parent_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM rm_unit_versions ORDER BY code, valid_from NULLS FIRST`,
    );
    const versionsByCode = new Map<UnitCode, UnitVersion[]>();
    for (const row of rows) {
      const version: UnitVersion = { code: row.code, level: row.level, name: row.name, type: row.type, parentCode: row.parent_code, validFrom: row.valid_from, validTo: row.valid_to };
      const versions = versionsByCode.get(row.code);
      if (versions) versions.push(version);
      else versionsByCode.set(row.code, [version]);
    }
    return new UnitRegistrySnapshot(versionsByCode);
  }

  /** As UnitRegistryReader.unitsOnDate: each unit as it stood on the date, with its province then; null if none. */
  unitsOnDate(codes: readonly UnitCode[], date: CivicDate): UnitsOnDate {
    return Object.fromEntries([...new Set(codes)].map((code) => [code, this.unitOnDate(code, date)]));
  }

  private unitOnDate(code: UnitCode, date: CivicDate): UnitOnDate | null {
    const unit = this.versionOn(code, date);
    if (!unit) return null;
    let province = unit;
    for (let depth = 0; depth < LEVELS_ABOVE && province.parentCode !== null; depth += 1) {
      const parent = this.versionOn(province.parentCode, date);
      if (!parent) break;
      province = parent;
    }
    return { code: unit.code, level: unit.level, name: unit.name, type: unit.type, provinceCode: province.code };
  }

  private versionOn(code: UnitCode, date: CivicDate): UnitVersion | undefined {
    return this.versionsByCode.get(code)?.find((version) => validAt(version, date));
  }
}
