import { Pool } from 'pg';
import { survivingConnectionLoss } from '@civic/database';
import { RecordedEvent } from '../event-envelope';
import { LogCheckpoint, LogPartition, ReplayableLog } from '../event-log';
import { GapFreeLogReader, inPartition } from './log-reader';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';

/**
 * The log as a rebuild replays it, with connections of its own (a replay thread opens one from the database's
 * address: a pool cannot cross threads).
 *
 * The planner is told to walk the commit-order index: it takes the partition filter to keep 1 row in 200 and would
 * rather scan and sort the whole log for every batch (minutes instead of milliseconds), or compile the query with
 * JIT (a tenth of a second each time).
 */
export class PostgresReplayLog implements ReplayableLog {
  private readonly pool: Pool;
  private readonly whole: GapFreeLogReader;

  constructor(databaseUrl: string, name = 'civic-log-replay') {
    this.pool = survivingConnectionLoss(
      new Pool({ connectionString: databaseUrl, max: 2, application_name: name, options: '-c enable_sort=off -c jit=off -c max_parallel_workers_per_gather=0' }),
      name,
    );
    this.whole = new GapFreeLogReader(this.pool);
  }

  readAfter(checkpoint: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    return this.whole.readAfter(checkpoint, limit);
  }

  head(): Promise<LogCheckpoint> {
    return this.whole.head();
  }

  async countOfTypes(types: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*)::text AS count FROM events WHERE event_type = ANY($1)', [types]);
    return Number(rows[0].count);
  }

  /** Up to a checkpoint taken from head(): everything up to there is committed history, so no horizon is needed. */
  async readPartitionAfter(partition: LogPartition, upTo: LogCheckpoint, after: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND (transaction_id, global_position) <= ($3::xid8, $4::bigint)
         AND ${inPartition('stream_id', partition)}
       ORDER BY transaction_id, global_position
       LIMIT $5`,
      [after.transactionId, after.position, upTo.transactionId, upTo.position, limit],
    );
    return rows.map(toRecordedEvent);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
