import { parse } from 'csv-parse/sync';
import { normalizeText } from '@civic/domain';
import { RowError, UnitListRejected } from './unit-list-rejected';

export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Reads a CSV whose first line names exactly `columns`. Every value comes back as trimmed NFC text. Rows with
 * the wrong number of fields are reported by line, together with any other error the caller finds, and the
 * file is refused as a whole.
 */
export function readCsv(content: string, file: string, columns: readonly string[]): { rows: CsvRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const text = content.replace(/^\uFEFF/, '');
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).trim().split(',');
  if (header.join(',') !== columns.join(',')) {
    throw new UnitListRejected(file, [{ line: 1, message: `expected the header ${columns.join(',')}, found ${header.join(',')}` }]);
  }
  let records: { record: Record<string, string>; info: { lines: number; error?: { code: string } } }[];
  try {
    records = parse(text, { columns: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const failure = error as { lines?: number; message: string };
    throw new UnitListRejected(file, [{ line: failure.lines ?? 0, message: failure.message }]);
  }
  const rows: CsvRow[] = [];
  for (const { record, info } of records) {
    if (info.error || Object.keys(record).length !== columns.length) {
      errors.push({ line: info.lines, message: `expected ${columns.length} fields, found ${Object.values(record).length}` });
      continue;
    }
    const values: Record<string, string> = {};
    for (const column of columns) values[column] = normalizeText(record[column] ?? '');
    rows.push({ line: info.lines, values });
  }
  return { rows, errors };
}
