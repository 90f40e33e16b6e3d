import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { contentHash, NewEvent, ANY_EVENT, PostgresEventStore, StreamVersionConflict } from '@civic/event-store';
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

/** The same for one hot stream whose writers decide on the version: the version is unique, as in the log. */
const HOT_FLOOR_TABLE = `CREATE TABLE bench_floor_hot (LIKE bench_floor INCLUDING ALL, UNIQUE (stream_id, stream_version))`;

/**
 * 1. Append throughput of the event-store library (single-event appends) at 1, 8 and 32 writers, against plain
 * single-row INSERT transactions of the same rows (the floor) and against Emmett's PostgreSQL event store
 * appending the same events to the same Postgres (the peer), on the two kinds of stream production writes:
 * - distinct streams: each append starts a stream of its own, as a new meeting, commendation or movement does;
 * - one hot stream, each writer deciding on the version it knows, as every command on an existing record does
 *   (`append` with its expected version): one that loses catches up on the events after that version, as
 *   CommandProcessor does, and tries again. The floor does the least such a writer can: INSERT at the version it
 *   knows, and on the UNIQUE refusal read the stream's last version; Emmett appends with its expected version.
 * Only paths production runs are measured (docs/adr/0039).
 */
export async function appendScenario(environment: BenchEnvironment, seconds: number): Promise<Figure[]> {
  const { url, pool } = await environment.database('append');
  await pool.query(FLOOR_TABLE);
  await pool.query(HOT_FLOOR_TABLE);
  const store = new PostgresEventStore(pool, ANY_EVENT);
  const emmett = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true } } as never);
  const picker = new WardPicker(officialWards());
  const event = (i: number) => meetingEvent(picker.next(), 2021 + (i % 4), i);
  const figures: Figure[] = [];
  try {
    await emmett.appendToStream(`warm-up-${randomUUID()}`, [{ type: 'MeetingHeld', data: { warm: true } }]);
    for (const writers of [1, 8, 32]) {
      const name = (streams: string) => `append, ${writers} writer${writers > 1 ? 's' : ''}, ${streams}`;
      const atTarget = (text: string, least: number) => (writers === 8 ? (r: number | undefined) => ({ text, met: (r ?? 0) >= least }) : undefined);
      for (const streams of ['distinct streams', 'hot stream'] as const) {
        const hot = streams === 'hot stream';
        const [ours, floor, peer] = await interleavedThroughput(writers, seconds * 1000, [
          hot ? decidingOnTheVersion(store, event) : appendingToNewStreams(store, event),
          hot ? insertingAtTheVersionKnown(pool, event) : insertingPlainRows(pool, event),
          await emmettAppending(emmett, hot ? 'deciding on the version' : 'new streams', event),
        ]);
        const floorName = hot ? 'plain INSERT transactions at the version known' : 'plain INSERT transactions';
        figures.push(
          figure(name(streams), 'events/s vs plain INSERT', 'events/s', ours, { name: floorName, value: floor }, atTarget('≥ 0.6 × floor', 0.6)),
          figure(name(streams), 'events/s vs Emmett', 'events/s', ours, { name: 'Emmett PostgreSQL', value: peer }, atTarget('≥ 1.5 × peer', 1.5)),
        );
      }
    }
    return figures;
  } finally {
    await emmett.close();
    await pool.end();
  }
}

type Appending = (writer: number, iteration: number) => Promise<void>;
type EventOf = (iteration: number) => NewEvent;

function appendingToNewStreams(store: PostgresEventStore, event: EventOf): Appending {
  return async (_, i) => {
    await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event(i)] });
  };
}

function decidingOnTheVersion(store: PostgresEventStore, event: EventOf): Appending {
  const streamId = `meeting-${randomUUID()}`;
  let known = 0;
  return async (_, i) => {
    const next = event(i);
    for (;;) {
      try {
        known = (await store.append({ streamId, streamType: 'meeting', expectedVersion: known, events: [{ ...next, eventId: randomUUID() }] })).streamVersion;
        return;
      } catch (error) {
        if (!(error instanceof StreamVersionConflict)) throw error;
        known = (await store.readStream(streamId, { afterVersion: known })).at(-1)?.streamVersion ?? known;
      }
    }
  };
}

/** One INSERT transaction per event, each to a stream of its own. */
function insertingPlainRows(pool: Pool, event: EventOf): Appending {
  return async (_, i) => {
    await insertRow(pool, 'bench_floor', `meeting-${randomUUID()}`, 1, event(i));
  };
}

/** One INSERT transaction per event on one stream at the version known; a writer the UNIQUE refuses reads the last version. */
function insertingAtTheVersionKnown(pool: Pool, event: EventOf): Appending {
  const streamId = `meeting-${randomUUID()}`;
  let known = 0;
  return async (_, i) => {
    const next = event(i);
    for (;;) {
      try {
        const version = known + 1;
        await insertRow(pool, 'bench_floor_hot', streamId, version, next);
        known = Math.max(known, version);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        const { rows } = await pool.query<{ last: number }>('SELECT max(stream_version) AS last FROM bench_floor_hot WHERE stream_id = $1', [streamId]);
        known = Math.max(known, rows[0].last);
      }
    }
  };
}

const UNIQUE_VIOLATION = '23505';

async function insertRow(pool: Pool, table: string, streamId: string, version: number, next: NewEvent): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO ${table} (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_on, unit_code, content_hash)
       VALUES ($1, 'meeting', $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [streamId, version, next.eventId, next.type, next.schemaVersion, JSON.stringify(next.data), JSON.stringify(next.metadata), next.occurredOn, next.unitCode,
        contentHash({ ...next, streamId, streamType: 'meeting', streamVersion: version })],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Emmett appending the same events: each to a new stream, or to one stream deciding on the version it knows. */
async function emmettAppending(emmett: PostgresEventStoreOfEmmett, how: 'new streams' | 'deciding on the version', event: EventOf): Promise<Appending> {
  const streamId = `meeting-${randomUUID()}`;
  // The hot stream exists before the clock starts, as ours does after its first append.
  let known = how === 'new streams' ? 0n : (await emmett.appendToStream(streamId, [{ type: 'MeetingHeld', data: { first: true } }])).nextExpectedStreamVersion;
  return async (_, i) => {
    const next = event(i);
    const message = { type: next.type, data: next.data as Record<string, unknown>, metadata: next.metadata as unknown as Record<string, unknown> };
    if (how === 'new streams') {
      await emmett.appendToStream(`meeting-${randomUUID()}`, [message]);
      return;
    }
    for (;;) {
      try {
        known = (await emmett.appendToStream(streamId, [message], { expectedStreamVersion: known })).nextExpectedStreamVersion;
        return;
      } catch (error) {
        if (!isEmmettConflict(error)) throw error;
        const caughtUp = await emmett.readStream(streamId, { from: known + 1n });
        if (caughtUp.events.length) known = BigInt(caughtUp.currentStreamVersion);
      }
    }
  };
}

/** The peer's own error class may be loaded twice (as ES module and CommonJS): matched by name and message. */
function isEmmettConflict(error: unknown): boolean {
  return (error as Error).name === 'ExpectedVersionConflictError' || /Expected version/.test((error as Error).message);
}

type PostgresEventStoreOfEmmett = ReturnType<typeof getPostgreSQLEventStore>;
