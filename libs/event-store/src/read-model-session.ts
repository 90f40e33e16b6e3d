import { Pool } from 'pg';

/**
 * The startup option of a read-model session: a connection that writes read models and never events. Postgres
 * refuses events from it, and readers of the log pass over its transactions instead of waiting for them
 * (event_log_horizon(), docs/adr/0016-log-horizon.md). It is a startup option, not a SET, so that no rollback can
 * undo it; a session must never turn it off.
 */
export const READ_MODEL_SESSION_OPTION = '-c civic.read_model_session=on';

/**
 * Marks every connection of a pool started with READ_MODEL_SESSION_OPTION as a read-model session, before the
 * pool hands it out (a client runs its queries in the order they were asked). A connection the mark fails on is
 * still refused events; its transactions are merely waited for, as any other's.
 */
export function markReadModelSessions(pool: Pool, onError: (error: Error) => void): void {
  pool.on('connect', (client) => {
    client.query('SELECT mark_read_model_session()').catch(onError);
  });
}
