import { Pool, PoolClient } from 'pg';

/** SQLSTATEs of a server that went away or would not take us: shutdown, crash, too many connections, a broken link. */
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08P01']);
/** Socket errors of a database out of reach. */
const LOST_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
/** What node-postgres says, without a code, of a connection it lost or could not open in time. */
const LOST_MESSAGES = /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|Connection refused/i;

/**
 * Whether an error means the database was unreachable or dropped the connection (so the same work may succeed
 * later, on another connection), rather than that it refused a statement.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_SQLSTATES.has(code) || LOST_SOCKET_CODES.has(code))) return true;
  return LOST_MESSAGES.test(error.message);
}

/**
 * A pool whose connections may be lost at any moment (a restart, a failover, pg_terminate_backend) without taking
 * the process down. node-postgres emits 'error' on a connection that breaks while idle in the pool (the pool
 * listens) and on one that breaks while checked out between two queries: with no listener, Node ends the process.
 * Every connection gets a listener for its whole life; the broken one fails its next query, and the code that
 * holds it releases it with the error, so the pool closes it.
 */
export function survivingConnectionLoss(pool: Pool, name: string, log: (message: string) => void = (m) => console.error(m)): Pool {
  // The pool hears an idle connection's loss too, and drops it; said once, by the connection's own listener.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', (error) => log(`[${name}] database connection lost: ${error.message}`));
  });
  return pool;
}

/**
 * Rolls back what a checked-out connection was doing. Answers the error of a connection that cannot even do that
 * (lost, terminated): give it to `release`, so that the pool closes the connection rather than lend it again.
 */
export function rollBack(client: PoolClient): Promise<Error | undefined> {
  return client.query('ROLLBACK').then(
    () => undefined,
    (error: Error) => error,
  );
}
