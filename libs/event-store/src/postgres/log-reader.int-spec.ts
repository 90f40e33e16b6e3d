import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { READ_MODEL_SESSION_OPTION } from '@civic/database';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { RecordedEvent } from '../event-envelope';
import { GapFreeLogReader, inPartition, LogCheckpointStore } from './log-reader';
import { checkpointOf, LOG_START, LogCheckpoint } from '../event-log';
import { PostgresEventStore } from './postgres-event-store';
import { ANY_EVENT } from '../event-contract';
import { contentHash } from '../integrity/event-hash';

describe(GapFreeLogReader.name, () => {
  let db: TestDatabase;
  let reader: GapFreeLogReader;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    reader = new GapFreeLogReader(db.pool);
    store = new PostgresEventStore(db.pool, ANY_EVENT);
  });
  afterAll(() => db.drop());

  const newEvent = (title: string) => ({
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 1,
    data: { title },
    metadata: { actor: { subject: 's', roles: [] }, correlationId: 'c', causationId: 'c', commandId: 'c' },
    occurredOn: '2021-01-12',
    unitCode: '00295',
  });

  /** Reads everything currently readable, the way the relay does, moving a checkpoint along. */
  async function drain(from: LogCheckpoint, delivered: RecordedEvent[]): Promise<LogCheckpoint> {
    let checkpoint = from;
    for (;;) {
      const batch = await reader.readAfter(checkpoint, 2);
      if (!batch.length) return checkpoint;
      delivered.push(...batch);
      checkpoint = checkpointOf(batch[batch.length - 1]);
    }
  }

  it('orders by transaction number, not its text: 99…9 comes before 100…0 and neither is skipped', async () => {
    // The largest power of ten below every running transaction, so that both fabricated ids are already committed
    // history to the reader, whatever this server's transaction counter has reached (a fresh server: a few hundred).
    const { rows } = await db.pool.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
    const xmin = BigInt(rows[0].xmin);
    let powerOfTen = 10n ** BigInt(rows[0].xmin.length - 1);
    if (powerOfTen >= xmin) powerOfTen /= 10n;
    const insertWithTransaction = async (transactionId: string) => {
      const event = newEvent(`transaction ${transactionId}`);
      const streamId = `meeting-${randomUUID()}`;
      await db.pool.query(
        `INSERT INTO events (transaction_id, stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                             occurred_on, unit_code, content_hash)
         VALUES ($1::xid8, $2, 'meeting', 1, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [transactionId, streamId, event.eventId, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata),
         event.occurredOn, event.unitCode, contentHash({ ...event, streamId, streamType: 'meeting', streamVersion: 1 })],
      );
      return event.eventId;
    };
    const earlier = await insertWithTransaction((powerOfTen - 1n).toString());
    const later = await insertWithTransaction(powerOfTen.toString());
    const delivered: RecordedEvent[] = [];
    await drain(LOG_START, delivered);
    const ids = delivered.map((e) => e.eventId).filter((id) => id === earlier || id === later);
    expect(ids).toEqual([earlier, later]);
  });

  it('names a partition of the streams in SQL, and none outside its count', () => {
    expect(() => inPartition('stream_id', { index: 3, count: 3 })).toThrow(RangeError);
    expect(() => inPartition('stream_id', { index: 0, count: 0 })).toThrow(RangeError);
    expect(inPartition('stream_id', { index: 1, count: 2 })).toBe('(hashtext(stream_id) & 2147483647) % 2 = 1');
  });

  it('never steps over an event whose transaction commits after a later one', async () => {
    const delivered: RecordedEvent[] = [];
    let checkpoint = await drain(LOG_START, delivered);
    delivered.length = 0;

    // Writer A takes the lower position and keeps its transaction open.
    const writerA = new Client({ connectionString: db.url });
    await writerA.connect();
    await writerA.query('BEGIN');
    const slow = newEvent('A: committed late');
    const slowStream = `meeting-${randomUUID()}`;
    await writerA.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                           occurred_on, unit_code, content_hash)
       VALUES ($1, 'meeting', 1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [slowStream, slow.eventId, slow.type, slow.schemaVersion, JSON.stringify(slow.data), JSON.stringify(slow.metadata),
       slow.occurredOn, slow.unitCode, contentHash({ ...slow, streamId: slowStream, streamType: 'meeting', streamVersion: 1 })],
    );

    // Writer B takes a higher position and commits first.
    const fast = newEvent('B: committed first');
    await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [fast] });

    checkpoint = await drain(checkpoint, delivered);
    expect(delivered).toEqual([]);
    expect((await reader.follow(checkpoint, 1)).heldBack).toBe(1);
    expect(await reader.follow(checkpoint, 10)).toEqual({ events: [], heldBack: 1 });

    await writerA.query('COMMIT');
    await writerA.end();
    const followed = await reader.follow(checkpoint, 10);
    expect(followed.events.map((e) => e.eventId)).toEqual([slow.eventId, fast.eventId]);
    expect(followed.heldBack).toBe(0);

    checkpoint = await drain(checkpoint, delivered);
    expect(delivered.map((e) => e.eventId)).toEqual([slow.eventId, fast.eventId]);
    expect((await reader.follow(checkpoint, 1)).heldBack).toBe(0);
    expect(await drain(checkpoint, delivered)).toEqual(checkpoint);
    expect(delivered).toHaveLength(2);
  });

  describe('passes over running transactions that cannot write events', () => {
    /** A session holding a transaction open with an id of its own (pg_current_xact_id assigns one). */
    async function openTransaction(url: string, options?: string): Promise<Client> {
      const session = new Client({ connectionString: url, options });
      await session.connect();
      if (options === READ_MODEL_SESSION_OPTION) await session.query('SELECT mark_read_model_session()');
      await session.query('BEGIN');
      await session.query('SELECT pg_current_xact_id()');
      return session;
    }

    async function appendOne(): Promise<string> {
      const event = newEvent('appended while another transaction runs');
      await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event] });
      return event.eventId;
    }

    async function readableWhileOpen(session: Client): Promise<{ delivered: string[]; heldBack: number }> {
      const start = await drain(LOG_START, []);
      const appended = await appendOne();
      const delivered: RecordedEvent[] = [];
      const checkpoint = await drain(start, delivered);
      const heldBack = (await reader.follow(checkpoint, 1)).heldBack;
      await session.query('ROLLBACK');
      await session.end();
      return { delivered: delivered.map((e) => e.eventId).filter((id) => id === appended), heldBack };
    }

    it('an ordinary session of this database holds later events back until it ends', async () => {
      const session = await openTransaction(db.url);
      const { delivered, heldBack } = await readableWhileOpen(session);
      expect(delivered).toEqual([]);
      expect(heldBack).toBe(1);
    });

    it('a marked read-model session does not', async () => {
      const session = await openTransaction(db.url, READ_MODEL_SESSION_OPTION);
      const { delivered, heldBack } = await readableWhileOpen(session);
      expect(delivered).toHaveLength(1);
      expect(heldBack).toBe(0);
    });

    it('a session of another database does not', async () => {
      const other = await createTestDatabase();
      try {
        const session = await openTransaction(other.url);
        const { delivered, heldBack } = await readableWhileOpen(session);
        expect(delivered).toHaveLength(1);
        expect(heldBack).toBe(0);
      } finally {
        await other.drop();
      }
    });

    it('Postgres refuses events from a read-model session, marked or not, so passing over it loses nothing', async () => {
      const sessions = new Pool({ connectionString: db.url, options: READ_MODEL_SESSION_OPTION, max: 1 });
      try {
        const refused = new PostgresEventStore(sessions, ANY_EVENT).append({
          streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [newEvent('from a read-model session')],
        });
        await expect(refused).rejects.toThrow(/read-model session may not write events/);
        await sessions.query('SELECT mark_read_model_session()');
        await expect(sessions.query(`INSERT INTO events (stream_id) VALUES ('x')`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await sessions.end();
      }
    });

    it('only a session started as a read-model session may mark itself', async () => {
      const session = new Client({ connectionString: db.url });
      await session.connect();
      try {
        await expect(session.query('SELECT mark_read_model_session()')).rejects.toThrow(/started with civic.read_model_session=on/);
        const { rows } = await session.query(`SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'`);
        expect(rows).toEqual([]);
      } finally {
        await session.end();
      }
    });
  });

  it('follows the log as readAfter reads it, batch by batch in commit order, saving the checkpoint given in the same statement', async () => {
    const appended: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const event = newEvent(`followed ${i}`);
      await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event] });
      appended.push(event.eventId);
    }
    const expected: RecordedEvent[] = [];
    await drain(LOG_START, expected);
    const followed: RecordedEvent[] = [];
    let checkpoint = LOG_START;
    let saved: LogCheckpoint | undefined;
    for (;;) {
      const { events, heldBack } = await reader.follow(checkpoint, 3, saved && { reader: 'a-follower', checkpoint: saved });
      expect(heldBack).toBe(0);
      if (saved) expect(await new LogCheckpointStore(db.pool).load('a-follower')).toEqual(saved);
      if (!events.length) break;
      expect(events.length).toBeLessThanOrEqual(3);
      followed.push(...events);
      saved = checkpoint = checkpointOf(events[events.length - 1]);
    }
    expect(followed).toEqual(expected);
    expect(followed.map((e) => e.eventId).slice(-7)).toEqual(appended);
    // Without a checkpoint to save, nothing is written.
    await reader.follow(LOG_START, 3);
    expect(await new LogCheckpointStore(db.pool).load('a-follower')).toEqual(checkpoint);
  });

  it('keeps each reader\'s latest checkpoint, and its commit without waiting for the disk leaves the session\'s setting alone', async () => {
    const session = new Pool({ connectionString: db.url, max: 1 });
    try {
      const checkpoints = new LogCheckpointStore(session);
      await checkpoints.save('a-reader', { transactionId: '41', position: '7' });
      await checkpoints.save('a-reader', { transactionId: '42', position: '9' });

      expect(await new LogCheckpointStore(db.pool).load('a-reader')).toEqual({ transactionId: '42', position: '9' });
      expect(await checkpoints.load('another-reader')).toEqual(LOG_START);
      // The connection's own commits still wait for the disk: the setting was the checkpoint's transaction's only.
      const { rows } = await session.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      expect(rows[0].synchronous_commit).toBe('on');
    } finally {
      await session.end();
    }
  });
});
