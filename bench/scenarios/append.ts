import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { contentHash, PostgresEventStore, StreamVersionConflict } from '@civic/event-store';
import { BenchEnvironment } from '../environment';
import { Figure, figure, interleavedThroughput } from '../measure';
import { meetingEvent, officialWards, WardPicker } from '../workload';

/** A table with the event log's row shape and no rules: what a plain INSERT costs. */
const FLOOR_TABLE = `
  CREATE TABLE bench_floor (
    global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id text NOT NULL, stream_type text NOT NULL, stream_version integer NOT NULL, event_id uuid NOT NULL,
    event_type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    occurred_on date NOT NULL, recorded_at timestamptz NOT NULL DEFAULT statement_timestamp(), unit_code text NOT NULL,
    content_hash bytea NOT NULL)`;

/**
 * 1. Append throughput of the event-store library (single-event appends) at 1, 8 and 32 writers, on distinct
 * streams and on one hot stream, against plain single-row INSERT transactions of the same rows (the floor) and
 * against Emmett's PostgreSQL event store appending the same events to the same Postgres (the peer). On the hot
 * stream every writer decides on the version it knows; one that loses catches up by reading only the events after
 * that version, as a command handler holding the stream's state would, and tries again (both stores alike).
 */
export async function appendScenario(environment: BenchEnvironment, seconds: number): Promise<Figure[]> {
  const { url, pool } = await environment.database('append');
  await pool.query(FLOOR_TABLE);
  const store = new PostgresEventStore(pool);
  const emmett = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true } } as never);
  const picker = new WardPicker(officialWards());
  const event = (i: number) => meetingEvent(picker.next(), 2021 + (i % 4), i);
  const figures: Figure[] = [];
  try {
    await emmett.appendToStream(`warm-up-${randomUUID()}`, [{ type: 'MeetingHeld', data: { warm: true } }]);
    for (const writers of [1, 8, 32]) {
      for (const streams of ['distinct', 'hot'] as const) {
        const hot = { ours: `meeting-${randomUUID()}`, ours_version: 0, emmett: `meeting-${randomUUID()}`, emmett_version: 0n };
        // The peer's hot stream exists before the clock starts, as ours does after its first append.
        hot.emmett_version = (await emmett.appendToStream(hot.emmett, [{ type: 'MeetingHeld', data: { first: true } }])).nextExpectedStreamVersion;
        const appendOurs = async (_: number, i: number) => {
          const next = event(i);
          if (streams === 'distinct') {
            await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [next] });
            return;
          }
          for (;;) {
            try {
              hot.ours_version = (await store.append({ streamId: hot.ours, streamType: 'meeting', expectedVersion: hot.ours_version, events: [{ ...next, eventId: randomUUID() }] })).streamVersion;
              return;
            } catch (error) {
              if (!(error instanceof StreamVersionConflict)) throw error;
              hot.ours_version = (await store.readStream(hot.ours, { afterVersion: hot.ours_version })).at(-1)?.streamVersion ?? hot.ours_version;
            }
          }
        };
        let floorVersion = 0;
        const floorStream = `meeting-${randomUUID()}`;
        const insertPlain = async (_: number, i: number) => {
          const next = event(i);
          const streamId = streams === 'distinct' ? `meeting-${randomUUID()}` : floorStream;
          const version = streams === 'distinct' ? 1 : ++floorVersion;
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO bench_floor (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_on, unit_code, content_hash)
               VALUES ($1, 'meeting', $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
              [streamId, version, next.eventId, next.type, next.schemaVersion, JSON.stringify(next.data), JSON.stringify(next.metadata), next.occurredOn, next.unitCode,
                contentHash({ ...next, streamId, streamType: 'meeting', streamVersion: version })],
            );
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        };
        const appendEmmett = async (_: number, i: number) => {
          const next = event(i);
          const message = { type: next.type, data: next.data as Record<string, unknown>, metadata: next.metadata as unknown as Record<string, unknown> };
          if (streams === 'distinct') {
            await emmett.appendToStream(`meeting-${randomUUID()}`, [message]);
            return;
          }
          for (;;) {
            try {
              hot.emmett_version = (await emmett.appendToStream(hot.emmett, [message], { expectedStreamVersion: hot.emmett_version })).nextExpectedStreamVersion;
              return;
            } catch (error) {
              // The peer's own error class (it may be loaded twice, as ES module and CommonJS): match it by name.
              if ((error as Error).name !== 'ExpectedVersionConflictError' && !/Expected version/.test((error as Error).message)) throw error;
              const caughtUp = await emmett.readStream(hot.emmett, { from: hot.emmett_version + 1n });
              if (caughtUp.events.length) hot.emmett_version = BigInt(caughtUp.currentStreamVersion);
            }
          }
        };
        const [ours, floor, peer] = await interleavedThroughput(writers, seconds * 1000, [appendOurs, insertPlain, appendEmmett]);
        const name = `append, ${writers} writer${writers > 1 ? 's' : ''}, ${streams} stream${streams === 'distinct' ? 's' : ''}`;
        figures.push(
          figure(name, 'events/s vs plain INSERT', 'events/s', ours, { name: 'plain INSERT transactions', value: floor }, writers === 8 ? (r) => ({ text: '≥ 0.6 × floor', met: (r ?? 0) >= 0.6 }) : undefined),
          figure(name, 'events/s vs Emmett', 'events/s', ours, { name: 'Emmett PostgreSQL', value: peer }, writers === 8 ? (r) => ({ text: '≥ 1.5 × peer', met: (r ?? 0) >= 1.5 }) : undefined),
        );
      }
    }
    return figures;
  } finally {
    await emmett.close();
    await pool.end();
  }
}
