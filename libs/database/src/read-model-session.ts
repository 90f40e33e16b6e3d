import { PoolConfig } from 'pg';

/**
 * The startup option of a read-model session: a connection that writes read models and never events. Postgres
 * refuses events from it, and readers of the log pass over its transactions instead of waiting for them
 * (event_log_horizon(), docs/adr/0016-log-horizon.md). It is a startup option, not a SET, so that no rollback can
 * undo it; a session must never turn it off.
 */
export const READ_MODEL_SESSION_OPTION = '-c civic.read_model_session=on';

/**
 * The pool setting that marks every connection of a pool started with READ_MODEL_SESSION_OPTION as a read-model
 * session: pg-pool awaits `onConnect` before it hands a new connection out. (A query sent from the pool's
 * 'connect' event instead ran before the caller's, but by queueing two queries on one client, which pg 8.23 warns
 * about and pg 9 will refuse.) A connection the mark fails on is still refused events; its transactions are merely
 * waited for, as any other's.
 */
export function markingReadModelSessions(onError: (error: Error) => void): Pick<PoolConfig, 'onConnect'> {
  return {
    onConnect: async (client) => {
      await client.query('SELECT mark_read_model_session()').catch(onError);
    },
  };
}
