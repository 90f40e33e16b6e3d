import { applyDecorators, CallHandler, ExecutionContext, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import Negotiator from 'negotiator';
import { stringify } from 'csv-stringify/sync';
import { map, Observable } from 'rxjs';
import { HttpReply, HttpRequest } from '@civic/platform';

/** A CSV column: its header and how to read it from a row. */
export type CsvColumn<T> = readonly [header: string, value: (row: T) => string | number | boolean | null | undefined];

/** How an answer becomes a table: its rows, its columns, and the page that follows when it is one page of a list. */
export interface CsvTable<Answer, Row> {
  readonly name: string;
  readonly rows: (answer: Answer) => readonly Row[];
  readonly columns: readonly CsvColumn<Row>[];
  readonly nextCursor?: (answer: Answer) => string | null;
}

/** Whether the reader prefers CSV to JSON by its Accept header (JSON when it names neither, or none). */
export function prefersCsv(accept: string | undefined): boolean {
  return new Negotiator({ headers: { accept: accept ?? '*/*' } }).mediaType(['application/json', 'text/csv']) === 'text/csv';
}

/**
 * RFC 4180 text (CRLF, quoted where needed) with a byte-order mark, so that a spreadsheet reads the Vietnamese as
 * UTF-8. A text cell that a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading
 * apostrophe, as OWASP advises for CSV exports: the JSON answer keeps the text as recorded.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const records = [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, value]) => value(row) ?? ''))];
  return `\uFEFF${stringify(records, { record_delimiter: 'windows', cast: { string: (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text) } })}`;
}

class CsvInterceptor<Answer, Row> implements NestInterceptor<Answer, Answer | string> {
  constructor(private readonly table: CsvTable<Answer, Row>) {}

  intercept(context: ExecutionContext, next: CallHandler<Answer>): Observable<Answer | string> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    if (!prefersCsv(request.headers.accept)) return next.handle();
    const reply = http.getResponse<HttpReply>();
    return next.handle().pipe(
      map((answer) => {
        reply.header('Content-Type', 'text/csv; charset=utf-8');
        reply.header('Content-Disposition', `attachment; filename="${this.table.name}.csv"`);
        reply.header('Vary', 'Accept');
        const cursor = this.table.nextCursor?.(answer);
        if (cursor) reply.header('Link', `<${nextPage(request.url, cursor)}>; rel="next"`);
        return toCsv(this.table.rows(answer), this.table.columns);
      }),
    );
  }
}

function nextPage(url: string, cursor: string): string {
  const next = new URL(url, 'http://localhost');
  next.searchParams.set('after', cursor);
  return `${next.pathname}${next.search}`;
}

/** The endpoint also answers `text/csv` when the reader asks for it (Accept), as the table says. */
export function CsvAnswer<Answer, Row>(table: CsvTable<Answer, Row>): MethodDecorator {
  return applyDecorators(UseInterceptors(new CsvInterceptor(table)), ApiProduces('application/json', 'text/csv'));
}
