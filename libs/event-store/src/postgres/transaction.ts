import { Pool, PoolClient, QueryResult } from 'pg';
import { rollBack } from '@civic/database';

/** How a transaction opens and ends, when either carries statements of its own (each end is one round trip). */
export interface TransactionEnds<T> {
  /** Opens it: BEGIN, and settings, locks or a first read sent along; their results are handed to the work. */
  readonly begin?: string;
  /** Ends it: COMMIT, with any statements that depend on the work's result sent before it in the same query. */
  readonly commit?: (result: T) => string;
}

/** Runs work in one transaction on a client of its own: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient, opened: readonly QueryResult[]) => Promise<T>,
  { begin = 'BEGIN', commit = () => 'COMMIT' }: TransactionEnds<T> = {},
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // A simple query of several statements answers with one result each.
    const opened = (await client.query(begin)) as QueryResult | QueryResult[];
    const result = await work(client, Array.isArray(opened) ? opened : [opened]);
    await client.query(commit(result));
    return result;
  } catch (error) {
    broken = await rollBack(client);
    throw error;
  } finally {
    client.release(broken);
  }
}
