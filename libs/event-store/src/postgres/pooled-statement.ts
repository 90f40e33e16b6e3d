import { DatabaseError, Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';

/**
 * Runs one statement on a pooled connection and gives the connection back even when the statement fails.
 *
 * `pool.query` hands a failed statement's error to the pool, and pg-pool closes any connection released with
 * an error: a version conflict or a duplicate key would cost a whole Postgres backend (a fork, its catalog
 * caches, the statements it had prepared). On the bench's hot stream that was most of Postgres's CPU, and the
 * appends' throughput fell tenfold (docs/adr/0026-failed-statements-keep-their-connection.md). A statement
 * refused by the server (an ERROR, answered and followed by ReadyForQuery) leaves its connection as good as
 * before; anything else (a broken socket, a FATAL) still closes it.
 */
export async function queryKeepingConnection<Row extends QueryResultRow>(pool: Pool, statement: QueryConfig): Promise<QueryResult<Row>> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await client.query<Row>(statement);
  } catch (error) {
    if (!refusedByServer(error)) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

function refusedByServer(error: unknown): boolean {
  return error instanceof DatabaseError && error.severity === 'ERROR';
}
