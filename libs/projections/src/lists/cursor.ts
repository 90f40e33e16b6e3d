/**
 * Keyset pagination: the cursor is the sort key of the last item returned (date, id), opaque to clients.
 * Paging by key rather than offset stays correct while new records arrive.
 */
export interface PageKey {
  readonly date: string;
  readonly id: string;
}

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.date, key.id]), 'utf8').toString('base64url');
}

/** undefined when the text is not a cursor this API gave out. */
export function decodeCursor(cursor: string): PageKey | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && /^\d{4}-\d{2}-\d{2}$/.test(String(value[0])) && /^[0-9a-f-]{36}$/.test(String(value[1]))) {
      return { date: String(value[0]), id: String(value[1]) };
    }
  } catch {
    /* not a cursor */
  }
  return undefined;
}

/** Paging shared by every list: at most `limit` items after the key of the previous page's last. */
export interface ListPage {
  readonly after?: PageKey;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Rows are fetched one beyond the limit to know whether another page follows. */
export function toPage<Row, T>(rows: readonly Row[], limit: number, keyOf: (row: Row) => PageKey, map: (row: Row) => T): Page<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
