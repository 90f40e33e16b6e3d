import { PoolClient } from 'pg';
import { ProjectionRunner } from '../runner/projection-runner';
import { loadStreams, LogSlice, replaySlice, shadowWithEmptyTables, streamsIn } from './snapshot-replay';
import { liveColumns, SNAPSHOT_SCHEMA, SnapshotTable, validIn } from './snapshot-tables';

/** The newest snapshot whose events were all recorded by `$1` (0: none, it covers nothing). */
const BASE = `SELECT id, covers_below::text FROM ${SNAPSHOT_SCHEMA}.snapshots
              WHERE covered_until IS NULL OR covered_until <= $1 ORDER BY id DESC LIMIT 1`;
/** The first snapshot that every event recorded by `$1` is in: the replay stops below it (none: the log's end). */
const BOUND = `SELECT covers_below::text FROM ${SNAPSHOT_SCHEMA}.snapshots WHERE uncovered_from > $1 ORDER BY id LIMIT 1`;

/**
 * Makes the read models (whose bookkeeping, projected_streams, the caller has shadowed already), for this transaction only, read as they stood at `asOf`: the newest snapshot from before
 * it, with the streams that had events between that snapshot and `asOf` replayed from the snapshot's rows. Each
 * table becomes a temporary view of the same name: the snapshot's rows of streams not replayed, and the replayed
 * rows. The replay is bounded by the distance between snapshots, whatever the moment and however large the unit.
 * Answers how many events it replayed.
 */
export async function viewAsOfSnapshot(
  client: PoolClient,
  tables: readonly SnapshotTable[],
  runner: ProjectionRunner,
  eventTypes: readonly string[],
  asOf: Date,
  beforePage: () => void,
): Promise<number> {
  const { rows: [base = { id: 0, covers_below: '0' }] } = await client.query<{ id: number; covers_below: string }>(BASE, [asOf]);
  const { rows: [bound] } = await client.query<{ covers_below: string }>(BOUND, [asOf]);
  const slice: LogSlice = { from: base.covers_below, below: bound?.covers_below, upTo: asOf, eventTypes };
  const streams = await streamsIn(client, slice);
  await shadowWithEmptyTables(client, [...tables.map((t) => t.name), 'projection_dead_letters']);
  await loadStreams(client, tables, streams, base.id);
  const replayed = await replaySlice(client, runner, slice, beforePage);
  await client.query('CREATE TEMPORARY TABLE time_travel_replayed (stream_id text PRIMARY KEY) ON COMMIT DROP');
  await client.query('INSERT INTO time_travel_replayed SELECT unnest($1::text[])', [streams]);
  for (const { name } of tables) {
    const columns = (await liveColumns(client, name)).join(', ');
    await client.query(`ALTER TABLE pg_temp.${name} RENAME TO replayed_${name}`);
    await client.query(
      `CREATE TEMPORARY VIEW ${name} AS
         SELECT ${columns} FROM ${SNAPSHOT_SCHEMA}.${name} s
         WHERE ${validIn(base.id)} AND NOT EXISTS (SELECT 1 FROM pg_temp.time_travel_replayed r WHERE r.stream_id = s.snapshot_stream)
         UNION ALL
         SELECT ${columns} FROM pg_temp.replayed_${name}`,
    );
  }
  return replayed;
}
