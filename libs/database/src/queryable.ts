/** What a reader needs of a pg pool or client: one statement at a time, inside whatever transaction it is in. */
export interface Queryable {
  query<Row = unknown>(text: string, values?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}
