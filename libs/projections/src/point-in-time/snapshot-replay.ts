import { PoolClient } from 'pg';
import { EVENT_COLUMNS, EventRow, RecordedEvent, toRecordedEvent } from '@civic/event-store';
import { ProjectionRunner } from '../runner/projection-runner';
import { isTransient } from '../runner/dead-letters/transient-error';
import { liveColumns, SNAPSHOT_SCHEMA, SnapshotTable, validIn } from './snapshot-tables';

/** Events read, and applied, at a time. */
const PAGE = 2000;

/** What the projection runner keeps beside the read models: which versions it applied, which events it parked. */
export const BOOKKEEPING = ['projected_streams', 'projection_dead_letters'];

/**
 * Empty temporary tables named like these tables, shadowing the live ones for this session until the transaction
 * ends, so that the projections' own code writes into them. Nothing of it is ever seen by another session.
 */
export async function shadowWithEmptyTables(client: PoolClient, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await client.query(`CREATE TEMPORARY TABLE ${table} (LIKE public.${table} INCLUDING ALL) ON COMMIT DROP`);
  }
}

/** Copies into the shadowing tables the rows of these streams as snapshot `at` holds them ('latest': the newest). */
export async function loadStreams(client: PoolClient, tables: readonly SnapshotTable[], streams: readonly string[], at: number | 'latest'): Promise<void> {
  if (!streams.length) return;
  const valid = at === 'latest' ? 's.valid_to IS NULL' : validIn(at);
  for (const { name } of tables) {
    const columns = (await liveColumns(client, name)).join(', ');
    await client.query(
      `INSERT INTO pg_temp.${name} (${columns}) SELECT ${columns} FROM ${SNAPSHOT_SCHEMA}.${name} s WHERE s.snapshot_stream = ANY($1::text[]) AND ${valid}`,
      [streams],
    );
  }
}

/** Which events of the log a replay takes: those of transactions in [from, below), of these types, recorded up to `upTo`. */
export interface LogSlice {
  readonly from: string;
  readonly below?: string;
  readonly upTo?: Date;
  readonly eventTypes: readonly string[];
}

/** The streams with an event in the slice. */
export async function streamsIn(client: PoolClient, slice: LogSlice): Promise<string[]> {
  const { where, values } = sliceCondition(slice);
  const { rows } = await client.query<{ stream_id: string }>(`SELECT DISTINCT stream_id FROM events WHERE ${where}`, values);
  return rows.map((row) => row.stream_id);
}

/**
 * Applies the slice's events in log order with the projections' own code, as the live projector would: a page at
 * once, and event by event where a page fails, leaving out (parked in the shadowing dead letters) what a projection
 * cannot take. `beforePage` may stop it (a reader's deadline). Answers how many events were read.
 */
export async function replaySlice(client: PoolClient, runner: ProjectionRunner, slice: LogSlice, beforePage: () => void = () => undefined): Promise<number> {
  const { where, values } = sliceCondition(slice);
  let after = '0';
  let read = 0;
  for (;;) {
    beforePage();
    const { rows } = await client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} AND global_position > $${values.length + 1} ORDER BY global_position LIMIT ${PAGE}`,
      [...values, after],
    );
    await applyPage(client, runner, rows.map(toRecordedEvent));
    read += rows.length;
    if (rows.length < PAGE) return read;
    after = rows[rows.length - 1].position;
  }
}

async function applyPage(client: PoolClient, runner: ProjectionRunner, events: readonly RecordedEvent[]): Promise<void> {
  if (!events.length) return;
  await client.query('SAVEPOINT snapshot_page');
  try {
    await runner.apply(client, events);
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT snapshot_page');
    if (isTransient(error)) throw error;
    await runner.apply(client, events, { isolateFailures: true });
  }
  await client.query('RELEASE SAVEPOINT snapshot_page');
}

function sliceCondition({ from, below, upTo, eventTypes }: LogSlice): { where: string; values: unknown[] } {
  const values: unknown[] = [from, eventTypes];
  const conditions = ['transaction_id >= $1::xid8', 'event_type = ANY($2::text[])'];
  if (below !== undefined) conditions.push(`transaction_id < $${values.push(below)}::xid8`);
  if (upTo !== undefined) conditions.push(`recorded_at <= $${values.push(upTo)}`);
  return { where: conditions.join(' AND '), values };
}
