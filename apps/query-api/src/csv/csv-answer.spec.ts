import { parse } from 'csv-parse/sync';
import { CsvColumn, prefersCsv, toCsv } from './csv-answer';

describe(prefersCsv.name, () => {
  it.each([
    ['text/csv', true],
    ['text/csv;q=0.9, application/json;q=0.5', true],
    ['application/json, text/csv;q=0.5', false],
    ['*/*', false],
    ['text/html', false],
    [undefined, false],
  ])('Accept %s → CSV: %s', (accept, csv) => {
    expect(prefersCsv(accept)).toBe(csv);
  });
});

describe(toCsv.name, () => {
  type Row = { title: string; count: number | null };
  const columns: CsvColumn<Row>[] = [['title', (r) => r.title], ['count', (r) => r.count]];

  it('writes a header and one line per row, quoted where needed, CRLF, behind a byte-order mark', () => {
    const text = toCsv<Row>([{ title: 'Hội nghị, "tổng kết"\nnăm 2020', count: 300 }, { title: 'Giao ban', count: null }], columns);
    expect(text.startsWith('\uFEFFtitle,count\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([['title', 'count'], ['Hội nghị, "tổng kết"\nnăm 2020', '300'], ['Giao ban', '']]);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    const text = toCsv<Row>([{ title: '=HYPERLINK("http://x")', count: -1 }, { title: '@SUM(A1)', count: 0 }], columns);
    expect(parse(text, { bom: true }).slice(1)).toEqual([["'=HYPERLINK(\"http://x\")", '-1'], ["'@SUM(A1)", '0']]);
  });
});
