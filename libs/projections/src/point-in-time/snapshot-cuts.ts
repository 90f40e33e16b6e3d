import { SqlExecutor } from '../projection';

/**
 * Where one snapshot ends, and the two moments that say which questions it can answer. Moments are kept as
 * Postgres writes them (microseconds; a JavaScript Date would cut them to milliseconds, and move them).
 */
export interface SnapshotCut {
  /** It covers the events of every transaction below this one. */
  readonly coversBelow: string;
  /** The latest recorded_at among the events it covers (null: none yet). */
  readonly coveredUntil: string | null;
  /** No event it leaves out, committed or still to come, was recorded before this moment. */
  readonly uncoveredFrom: string;
}

/**
 * The earliest recorded_at an event not yet visible may still get. recorded_at is the start of the inserting
 * statement: an insert still to come starts now or later, except in a statement running now (from its start) or in
 * a transaction that already holds an id and may have inserted already, uncommitted (from the transaction's start).
 * pg_stat_activity must show the other sessions of this database: the same role, or pg_read_all_stats.
 */
const EARLIEST_STILL_TO_COME = `(
  SELECT least(statement_timestamp(), min(xact_start) FILTER (WHERE backend_xid IS NOT NULL), min(query_start) FILTER (WHERE state = 'active'))
  FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
)`;

/**
 * One row per transaction of the projections' events from `$1` on: running totals in commit-id order, each
 * chunk (`$4` events) ending where its total crosses a multiple, the latest recorded_at so far (and before, `$5`),
 * and the earliest recorded_at from the next transaction on, or still to come (`$6`). Rows are those that end a
 * chunk, and the last below the horizon `$3` if its chunk's oldest event is `$7` milliseconds old.
 */
const PLAN = `
  WITH per_transaction AS (
    SELECT transaction_id AS xid, count(*) AS events, min(recorded_at) AS first_at, max(recorded_at) AS last_at
    FROM events WHERE transaction_id >= $1::xid8 AND event_type = ANY($2::text[])
    GROUP BY transaction_id
  ), running AS (
    SELECT xid, events, first_at,
           (sum(events) OVER (ORDER BY xid))::bigint AS through,
           max(last_at) OVER (ORDER BY xid) AS latest_through,
           min(first_at) OVER (ORDER BY xid DESC) AS earliest_from
    FROM per_transaction
  ), chunked AS (
    SELECT *, (through - events) / $4::bigint AS chunk, through / $4::bigint > (through - events) / $4::bigint AS ends_chunk,
           lead(xid) OVER (ORDER BY xid) AS next_xid, lead(earliest_from) OVER (ORDER BY xid) AS next_earliest
    FROM running
  ), aged AS (
    SELECT *, min(first_at) OVER (PARTITION BY chunk) AS chunk_first_at FROM chunked
  )
  SELECT CASE WHEN next_xid IS NULL OR next_xid >= $3::xid8 THEN $3::xid8 ELSE next_xid END::text AS covers_below,
         greatest(latest_through, $5::timestamptz)::text AS covered_until,
         least(next_earliest, $6::timestamptz)::text AS uncovered_from
  FROM aged
  WHERE xid < $3::xid8
    AND (ends_chunk OR ((next_xid IS NULL OR next_xid >= $3::xid8) AND statement_timestamp() - chunk_first_at >= $7::float8 * interval '1 millisecond'))
  ORDER BY xid`;

/**
 * The snapshots due after `previous`, below the log horizon (every transaction under it has ended, so what they
 * cover can no longer change): one per `everyEvents` events, cut between transactions, and one for the rest when
 * its oldest event is older than `maxAgeMs`.
 */
export async function planCuts(
  sql: SqlExecutor,
  previous: { readonly coversBelow: string; readonly coveredUntil: string | null },
  eventTypes: readonly string[],
  { everyEvents, maxAgeMs }: { everyEvents: number; maxAgeMs: number },
): Promise<SnapshotCut[]> {
  // Both from one statement: what is not visible to it is still to come.
  const { rows: [now] } = await sql.query<{ horizon: string; still_to_come: string }>(
    `SELECT event_log_horizon()::text AS horizon, ${EARLIEST_STILL_TO_COME}::text AS still_to_come`,
  );
  const { rows } = await sql.query<{ covers_below: string; covered_until: string; uncovered_from: string }>(PLAN, [
    previous.coversBelow, eventTypes, now.horizon, everyEvents, previous.coveredUntil, now.still_to_come, maxAgeMs,
  ]);
  return rows.map((row) => ({ coversBelow: row.covers_below, coveredUntil: row.covered_until, uncoveredFrom: row.uncovered_from }));
}
