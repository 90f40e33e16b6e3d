import { Pool, PoolClient } from 'pg';
import { RecordedEvent } from '../event-envelope';
import { checkPartition, LOG_START, LogCheckpoint, LogFollower, LogInOrder, LogPartition, SavedCheckpoint } from '../event-log';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';
import { survivingConnectionLoss } from '@civic/database';

/**
 * The log horizon (docs/adr/0016) as a subquery, evaluated once when the statement runs. Called directly, the
 * function is also evaluated by the planner to estimate the rows below it: a second look at pg_stat_activity and
 * pg_locks, and a plan of the function's own query, on every read (a share of the relay's Postgres time that a
 * profile found: docs/performance.md, "Measurements behind the code").
 */
const HORIZON = '(SELECT event_log_horizon())';

/**
 * Upserts a reader's checkpoint from three parameters, committed without waiting for the disk (set for this
 * statement's transaction only): see LogCheckpointStore.save. `when` may hold the save back (a WHERE clause).
 */
function saveCheckpoint(reader: string, transactionId: string, position: string, when = ''): string {
  return `INSERT INTO log_checkpoints (reader, transaction_id, global_position)
    SELECT ${reader}, ${transactionId}::xid8, ${position}::bigint FROM (SELECT set_config('synchronous_commit', 'off', true)) AS without_waiting_for_disk
    ${when}
    ON CONFLICT (reader) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
      global_position = EXCLUDED.global_position, updated_at = now()`;
}

/**
 * GapFreeLogReader.follow as one statement. The horizon is taken once (a materialized CTE), so the events read and
 * those counted as held back are split by the same horizon: two readings of the lock table could differ, and an
 * event between them would be neither read nor counted. The count is a row of its own joined to the batch, so an
 * empty batch still answers it. Those held back are counted from the horizon alone: a reader only ever takes events
 * below the horizon, which never moves back (transaction ids only grow), so all at or past it are past the reader's
 * checkpoint too, and the index walk starts at the horizon instead of at the checkpoint (a whole backlog each time).
 * The batch keeps the order of its subquery with no sort on top (a sort copied every row again, doubling the read
 * of a full batch): joined on nothing but true to a single row, the only plan Postgres has is a nested loop with
 * that row outside, which emits the subquery's rows as they come. The save does not wait for the disk, as
 * LogCheckpointStore.save.
 */
const FOLLOW = `
  WITH horizon AS MATERIALIZED (SELECT event_log_horizon() AS below),
  saved AS (${saveCheckpoint('$4', '$5', '$6', 'WHERE $4::text IS NOT NULL')}),
  held AS (
    SELECT count(*)::int AS held_back FROM events WHERE transaction_id >= (SELECT below FROM horizon)
  )
  SELECT batch.*, held.held_back FROM held LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS} FROM events
    WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND transaction_id < (SELECT below FROM horizon)
    ORDER BY transaction_id, global_position
    LIMIT $3
  ) AS batch ON true`;

/**
 * Reads the whole log in commit order without ever stepping over a late commit.
 *
 * A global position is taken at INSERT but becomes visible at COMMIT, so "position > checkpoint" loses events
 * whose transaction commits after a later one. This reader only returns rows written by transactions older than
 * the oldest one still running that could write events (event_log_horizon(), which passes over read-model sessions
 * and other databases): nothing can appear behind it any more. See docs/adr/0002-event-log-in-postgres.md and
 * docs/adr/0016-log-horizon.md.
 */
export class GapFreeLogReader implements LogInOrder {
  constructor(private readonly pool: Pool) {}

  /**
   * Always walks the commit-order index and filters nothing: a filter on event type lets the planner prefer the
   * type index and sort every remaining row of the log for each batch, which made a 1M-event rebuild crawl.
   * Readers that want some types skip the others themselves.
   */
  async readAfter(checkpoint: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'log-read-after',
      text: `SELECT ${EVENT_COLUMNS} FROM events
             WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
               AND transaction_id < ${HORIZON}
             ORDER BY transaction_id, global_position
             LIMIT $3`,
      values: [checkpoint.transactionId, checkpoint.position, limit],
    });
    return rows.map(toRecordedEvent);
  }

  /**
   * What a follower of the log (the relay) asks each time it looks, in one round trip: the next events, how many
   * committed events wait behind an open transaction (it looks again soon if any do), and, when given, its last
   * checkpoint saved in the same statement. A separate save, an empty read after each batch and a count of those
   * held back were three more round trips per batch, each waking Postgres and the relay again (docs/adr/0028).
   */
  async follow(after: LogCheckpoint, limit: number, save?: SavedCheckpoint): Promise<{ events: RecordedEvent[]; heldBack: number }> {
    const { rows } = await this.pool.query<Partial<EventRow> & { held_back: number }>({
      name: 'log-follow',
      text: FOLLOW,
      values: [after.transactionId, after.position, limit, save?.reader ?? null, save?.checkpoint.transactionId ?? null, save?.checkpoint.position ?? null],
    });
    return { events: rows[0].position === null ? [] : rows.map((row) => toRecordedEvent(row as EventRow)), heldBack: rows[0].held_back };
  }

  /**
   * The checkpoint of the last event a reader can take now: everything up to it is committed history that no late
   * commit can join (LOG_START for an empty log). A fixed end for readers that split the log (PostgresReplayLog).
   */
  async head(): Promise<LogCheckpoint> {
    // Named apart from the columns: ORDER BY transaction_id would otherwise sort the text (999 after 1000).
    const { rows } = await this.pool.query<{ transaction_text: string; position_text: string }>(
      `SELECT transaction_id::text AS transaction_text, global_position::text AS position_text FROM events
       WHERE transaction_id < ${HORIZON} ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    return rows.length ? { transactionId: rows[0].transaction_text, position: rows[0].position_text } : LOG_START;
  }
}

/**
 * SQL that holds for the rows whose stream (in `streamColumn`) falls to the partition: its hash with the sign bit
 * cleared (abs() fails on the smallest integer), modulo the count.
 */
export function inPartition(streamColumn: string, partition: LogPartition): string {
  checkPartition(partition);
  const { index, count } = partition;
  return `(hashtext(${streamColumn}) & 2147483647) % ${count} = ${index}`;
}

/**
 * Every event committed after the checkpoint that this transaction sees, not only those below the oldest running
 * transaction: for a reader that holds every writer it could race (the rebuild's swap, with the projector held).
 */
export async function readCommittedAfter(client: PoolClient, after: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
  const { rows } = await client.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
     ORDER BY transaction_id, global_position LIMIT $3`,
    [after.transactionId, after.position, limit],
  );
  return rows.map(toRecordedEvent);
}

/** Checkpoints of log readers (the relay, rebuilds), one row per reader. */
export class LogCheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(reader: string): Promise<LogCheckpoint> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text, global_position::text FROM log_checkpoints WHERE reader = $1',
      [reader],
    );
    return rows.length ? { transactionId: rows[0].transaction_id, position: rows[0].global_position } : LOG_START;
  }

  /**
   * Commits without waiting for the disk (synchronous_commit off for this statement's transaction): a crash can
   * lose only the latest checkpoints, and a reader that resumes from an older one reads again what it had read,
   * which every reader of the log tolerates (the relay publishes at least once). Waiting for the flush held the
   * relay's next batch whenever the disk was busy with the appends' own flushes.
   */
  async save(reader: string, checkpoint: LogCheckpoint): Promise<void> {
    await this.pool.query({
      name: 'log-checkpoint-save',
      text: saveCheckpoint('$1', '$2', '$3'),
      values: [reader, checkpoint.transactionId, checkpoint.position],
    });
  }
}

/** LogFollower on Postgres: GapFreeLogReader.follow, and the checkpoints in log_checkpoints. */
export class PostgresLogFollower implements LogFollower {
  private readonly reader: GapFreeLogReader;
  private readonly checkpoints: LogCheckpointStore;

  constructor(pool: Pool) {
    this.reader = new GapFreeLogReader(pool);
    this.checkpoints = new LogCheckpointStore(pool);
  }

  follow(after: LogCheckpoint, limit: number, save?: SavedCheckpoint): Promise<{ events: RecordedEvent[]; heldBack: number }> {
    return this.reader.follow(after, limit, save);
  }

  loadCheckpoint(reader: string): Promise<LogCheckpoint> {
    return this.checkpoints.load(reader);
  }

  saveCheckpoint(reader: string, checkpoint: LogCheckpoint): Promise<void> {
    return this.checkpoints.save(reader, checkpoint);
  }
}
