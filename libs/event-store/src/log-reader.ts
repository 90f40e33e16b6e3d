import { Pool } from 'pg';
import { RecordedEvent } from './event-envelope';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';

/** Where a reader of the whole log stands: the last (transaction, position) it has handled. */
export interface LogCheckpoint {
  readonly transactionId: string;
  readonly position: string;
}

export const LOG_START: LogCheckpoint = { transactionId: '0', position: '0' };

/**
 * Reads the whole log in commit order without ever stepping over a late commit.
 *
 * A global position is taken at INSERT but becomes visible at COMMIT, so "position > checkpoint" loses events
 * whose transaction commits after a later one. This reader only returns rows written by transactions older than
 * the oldest one still running that could write events (event_log_horizon(), which passes over read-model sessions
 * and other databases): nothing can appear behind it any more. See docs/adr/0002-event-log-in-postgres.md and
 * docs/adr/0016-log-horizon.md.
 */
export class GapFreeLogReader {
  constructor(private readonly pool: Pool) {}

  /**
   * Always walks the commit-order index and filters nothing: a filter on event type lets the planner prefer the
   * type index and sort every remaining row of the log for each batch, which made a 1M-event rebuild crawl.
   * Readers that want some types skip the others themselves.
   */
  async readAfter(checkpoint: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < event_log_horizon()
       ORDER BY transaction_id, global_position
       LIMIT $3`,
      [checkpoint.transactionId, checkpoint.position, limit],
    );
    return rows.map(toRecordedEvent);
  }

  /** Committed events a reader cannot take yet because an older transaction is still open. */
  async heldBack(checkpoint: LogCheckpoint): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id >= event_log_horizon()`,
      [checkpoint.transactionId, checkpoint.position],
    );
    return Number(rows[0].count);
  }
}

/** Durable checkpoints of log readers (the relay, rebuilds), one row per reader. */
export class LogCheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(reader: string): Promise<LogCheckpoint> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text, global_position::text FROM log_checkpoints WHERE reader = $1',
      [reader],
    );
    return rows.length ? { transactionId: rows[0].transaction_id, position: rows[0].global_position } : LOG_START;
  }

  async save(reader: string, checkpoint: LogCheckpoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO log_checkpoints (reader, transaction_id, global_position) VALUES ($1, $2::xid8, $3::bigint)
       ON CONFLICT (reader) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
         global_position = EXCLUDED.global_position, updated_at = now()`,
      [reader, checkpoint.transactionId, checkpoint.position],
    );
  }
}

export function checkpointOf(event: RecordedEvent): LogCheckpoint {
  return { transactionId: event.transactionId, position: event.position };
}
