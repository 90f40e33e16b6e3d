import { ListedUnit, UnitLevel } from '@civic/domain';
import { readCsv } from './csv-rows';
import { RowError, UnitListRejected } from './unit-list-rejected';

export const FLAT_UNIT_LIST_COLUMNS = [
  'province_code',
  'province_name',
  'province_type',
  'district_code',
  'district_name',
  'district_type',
  'commune_code',
  'commune_name',
  'commune_type',
] as const;

const TYPES: Record<UnitLevel, readonly string[]> = {
  PROVINCE: ['Tỉnh', 'Thành phố Trung ương'],
  DISTRICT: ['Quận', 'Huyện', 'Thị xã', 'Thành phố'],
  COMMUNE: ['Phường', 'Xã', 'Thị trấn'],
};
const CODE_LENGTH: Record<UnitLevel, number> = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 };

/**
 * The three-level list as the statistics office's export flattens it: one row per commune, carrying its
 * district and province. Returns every unit once; refuses the whole file if any row is bad.
 */
export function parseFlatUnitList(content: string, file: string): ListedUnit[] {
  const { rows, errors } = readCsv(content, file, FLAT_UNIT_LIST_COLUMNS);
  const units = new Map<string, { unit: ListedUnit; line: number }>();
  for (const { line, values } of rows) {
    const rowErrors: string[] = [];
    const unitOf = (level: UnitLevel, prefix: 'province' | 'district' | 'commune', parentCode: string | null): ListedUnit => {
      const unit = { code: values[`${prefix}_code`], level, name: values[`${prefix}_name`], type: values[`${prefix}_type`], parentCode };
      if (!new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(unit.code)) rowErrors.push(`${prefix}_code "${unit.code}" is not ${CODE_LENGTH[level]} digits`);
      if (!unit.name) rowErrors.push(`${prefix}_name is empty`);
      if (!TYPES[level].includes(unit.type)) rowErrors.push(`${prefix}_type "${unit.type}" is not one of ${TYPES[level].join(', ')}`);
      return unit;
    };
    const province = unitOf('PROVINCE', 'province', null);
    const district = unitOf('DISTRICT', 'district', province.code);
    const commune = unitOf('COMMUNE', 'commune', district.code);
    if (rowErrors.length) {
      errors.push({ line, message: rowErrors.join('; ') });
      continue;
    }
    for (const unit of [province, district, commune]) {
      const seen = units.get(unit.code);
      if (!seen) units.set(unit.code, { unit, line });
      else if (unit.level === 'COMMUNE') errors.push({ line, message: `commune ${unit.code} is listed again (first on line ${seen.line})` });
      else if (seen.unit.name !== unit.name || seen.unit.type !== unit.type || seen.unit.parentCode !== unit.parentCode) {
        errors.push({ line, message: `${unit.code} is "${unit.name}" here but "${seen.unit.name}" on line ${seen.line}` });
      }
    }
  }
  if (errors.length) throw new UnitListRejected(file, sortByLine(errors));
  return [...units.values()].map((entry) => entry.unit);
}

export function sortByLine(errors: RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}
