import { CrosswalkEdge, foldForSearch, NewCommune, NewProvince, normalizeText, ProvinceMerge } from '@civic/domain';
import { readCsv } from './csv-rows';
import { sortByLine } from './flat-unit-list';
import { RowError, UnitListRejected } from './unit-list-rejected';

export const CROSSWALK_COLUMNS = [
  'old_province_code',
  'old_province_name',
  'old_district_code',
  'old_district_name',
  'old_commune_code',
  'old_commune_name',
  'new_province_code',
  'new_province_name',
  'new_commune_code',
  'new_commune_name',
  'coverage',
] as const;

/** The 2025-07-01 crosswalk: one edge per old commune and new commune that took (part of) its territory. */
export function parseCrosswalk(content: string, file: string): CrosswalkEdge[] {
  const { rows, errors } = readCsv(content, file, CROSSWALK_COLUMNS);
  const edges: CrosswalkEdge[] = [];
  for (const { line, values } of rows) {
    const problems = [
      /^\d{5}$/.test(values.old_commune_code) ? null : `old_commune_code "${values.old_commune_code}" is not 5 digits`,
      /^\d{5}$/.test(values.new_commune_code) ? null : `new_commune_code "${values.new_commune_code}" is not 5 digits`,
      /^\d{2}$/.test(values.new_province_code) ? null : `new_province_code "${values.new_province_code}" is not 2 digits`,
      values.new_commune_name ? null : 'new_commune_name is empty',
      ['full', 'partial'].includes(values.coverage) ? null : `coverage "${values.coverage}" is neither full nor partial`,
    ].filter((p): p is string => p !== null);
    if (problems.length) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    edges.push({
      oldCommuneCode: values.old_commune_code,
      newProvinceCode: values.new_province_code,
      newCommuneCode: values.new_commune_code,
      newCommuneName: values.new_commune_name,
      coverage: values.coverage === 'full' ? 'FULL' : 'PARTIAL',
    });
  }
  if (errors.length) throw new UnitListRejected(file, sortByLine(errors));
  return edges;
}

/** vn_provinces_63_to_34.csv: which new province each old one went into. */
export function parseProvinceMerges(content: string, file: string): ProvinceMerge[] {
  const { rows, errors } = readCsv(content, file, ['old_province_code', 'old_province_name', 'new_province_code', 'new_province_name']);
  for (const { line, values } of rows) {
    if (!/^\d{2}$/.test(values.old_province_code) || !/^\d{2}$/.test(values.new_province_code)) {
      errors.push({ line, message: 'province codes must be 2 digits' });
    }
  }
  if (errors.length) throw new UnitListRejected(file, sortByLine(errors));
  return rows.map(({ values }) => ({ oldProvinceCode: values.old_province_code, newProvinceCode: values.new_province_code }));
}

/**
 * The 34 provinces of Công văn 915/CTK-CSCL. The list names cities in full ("Thành phố Hà Nội") and provinces
 * bare ("Cao Bằng"); the registry names them as the statistics office does ("Tỉnh Cao Bằng").
 */
export function parseNewProvinces(content: string, file: string): NewProvince[] {
  const { rows, errors } = readCsv(content, file, ['Stt', 'Mã số', 'Tên 34 tỉnh sau sáp nhập']);
  const provinces: NewProvince[] = [];
  for (const { line, values } of rows) {
    const code = values['Mã số'];
    const name = values['Tên 34 tỉnh sau sáp nhập'];
    if (!/^\d{2}$/.test(code) || !name) {
      errors.push({ line, message: `"${code}" "${name}" is not a 2-digit code with a name` });
      continue;
    }
    provinces.push(
      name.startsWith('Thành phố ') ? { code, name, type: 'Thành phố Trung ương' } : { code, name: `Tỉnh ${name}`, type: 'Tỉnh' },
    );
  }
  if (errors.length) throw new UnitListRejected(file, sortByLine(errors));
  return provinces;
}

/** "Tp Đà Nẵng", "Thành phố Hà Nội", "Tỉnh<br>Vĩnh Long" and "Vĩnh Long" all name the same province. */
function provinceKey(name: string): string {
  return foldForSearch(name.replace(/<br\s*\/?>/gi, ' ')).replace(/^(tp\.?|thanh pho|tinh) /, '');
}

/**
 * The official list of the 3,321 communes from 2025-07-01 (Công văn 1027/CTK-CSCL, a markdown table):
 * `| Stt | Mã số | Tên đơn vị hành chính | Tỉnh (thành phố) |`, with a heading row per province.
 */
export function parseNewCommuneList(content: string, file: string, provinces: readonly NewProvince[]): NewCommune[] {
  const provinceByKey = new Map(provinces.map((p) => [provinceKey(p.name), p.code]));
  const errors: RowError[] = [];
  const communes: NewCommune[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    const cells = text.split('|').map((cell) => normalizeText(cell.replace(/<br\s*\/?>/gi, ' ')));
    if (cells.length < 6 || !/^\d+$/.test(cells[1])) return; // headings, separators, prose
    const [, , code, name, province] = cells;
    const provinceCode = provinceByKey.get(provinceKey(province));
    if (!/^\d{5}$/.test(code)) errors.push({ line: index + 1, message: `code "${code}" is not 5 digits` });
    else if (!provinceCode) errors.push({ line: index + 1, message: `province "${province}" is not one of the ${provinces.length} provinces` });
    else communes.push({ code, name, provinceCode });
  });
  if (errors.length) throw new UnitListRejected(file, sortByLine(errors));
  return communes;
}
