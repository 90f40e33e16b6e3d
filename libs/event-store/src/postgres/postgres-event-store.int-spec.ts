import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { createTestDatabase, TestDatabase, waitFor } from '@civic/testing';
import { EVENTS_CHANNEL } from './commit-notifier';
import { NewEvent } from '../event-envelope';
import { IdempotencyKeyReused, StreamVersionConflict } from '../event-store.errors';
import { PostgresEventStore } from './postgres-event-store';
import { AppendResult } from '../event-log';
import { ANY_EVENT } from '../event-contract';

const metadata = {
  actor: { subject: 'clerk-00295', roles: ['ward-clerk'] },
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  commandId: 'cmd-1',
};

const anEvent = (title = 'Hội nghị tổng kết năm 2020'): NewEvent => ({
  eventId: randomUUID(),
  type: 'MeetingHeld',
  schemaVersion: 1,
  data: { title },
  metadata,
  occurredOn: '2021-01-12',
  unitCode: '00295',
});

describe(PostgresEventStore.name, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
  });
  afterAll(() => db.drop());

  const countEvents = async (streamId: string) =>
    Number((await db.pool.query('SELECT count(*) FROM events WHERE stream_id = $1', [streamId])).rows[0].count);

  it('appends events and reads them back with their envelope', async () => {
    const streamId = `meeting-${randomUUID()}`;
    const event = anEvent();
    const result = await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [event] });

    expect(result).toEqual({ streamId, streamVersion: 1, eventIds: [event.eventId], position: expect.stringMatching(/^\d+$/) });
    const [read] = await store.readStream(streamId);
    expect(read).toMatchObject({ ...event, streamId, streamType: 'meeting', streamVersion: 1, position: result.position });
    expect(read.transactionId).toMatch(/^\d+$/);
    expect(Date.parse(read.recordedAt)).not.toBeNaN();
  });

  it('lets exactly one of many concurrent writers win each version of a stream', async () => {
    const streamId = `meeting-${randomUUID()}`;
    for (let version = 0; version < 5; version += 1) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () => store.append({ streamId, streamType: 'meeting', expectedVersion: version, events: [anEvent()] })),
      );
      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.map((o) => o.reason)).toEqual(Array(7).fill(expect.any(StreamVersionConflict)));
    }
    const versions = (await store.readStream(streamId)).map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads only the events after a version for a writer that catches up, and none when it is current', async () => {
    const streamId = `meeting-${randomUUID()}`;
    for (let version = 0; version < 4; version += 1) await store.append({ streamId, streamType: 'meeting', expectedVersion: version, events: [anEvent()] });
    expect((await store.readStream(streamId, { afterVersion: 2 })).map((e) => e.streamVersion)).toEqual([3, 4]);
    expect(await store.readStream(streamId, { afterVersion: 4 })).toEqual([]);
    expect(await store.readStream(streamId, { afterVersion: 0 })).toEqual(await store.readStream(streamId));
  });

  it('keeps its connection when Postgres refuses an append (an event id already in the log)', async () => {
    const onePool = new Pool({ connectionString: db.url, max: 1 });
    try {
      const single = new PostgresEventStore(onePool, ANY_EVENT);
      const backend = async () => (await onePool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const event = anEvent();
      await single.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event] });
      const before = await backend();
      await expect(single.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event] })).rejects.toMatchObject({ code: '23505' });
      expect(await backend()).toBe(before);
    } finally {
      await onePool.end();
    }
  });

  it('refuses a writer that claims a version the stream never reached, leaving no gap', async () => {
    const streamId = `meeting-${randomUUID()}`;
    await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] });
    await expect(store.append({ streamId, streamType: 'meeting', expectedVersion: 3, events: [anEvent()] })).rejects.toBeInstanceOf(
      StreamVersionConflict,
    );
    expect(await countEvents(streamId)).toBe(1);
  });

  describe('group commit: appends that arrive while a transaction is busy', () => {
    let grouped: PostgresEventStore;
    beforeAll(() => {
      // One transaction at a time: everything submitted while the first is busy goes in the second.
      grouped = new PostgresEventStore(db.pool, ANY_EVENT, { groupCommit: { maxInFlight: 1, maxBatch: 100 } });
    });
    const transactionsOf = async (streamIds: readonly string[]) =>
      (await db.pool.query('SELECT DISTINCT transaction_id::text FROM events WHERE stream_id = ANY($1)', [streamIds])).rows.length;

    it('share one transaction, and each append gets its own answer', async () => {
      const streams = Array.from({ length: 6 }, () => `meeting-${randomUUID()}`);
      const events = streams.map(() => anEvent());
      const results = await Promise.all(streams.map((streamId, i) => grouped.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [events[i]] })));

      expect(results).toEqual(streams.map((streamId, i) => ({ streamId, streamVersion: 1, eventIds: [events[i].eventId], position: expect.stringMatching(/^\d+$/) })));
      expect(new Set(results.map((r) => r.position)).size).toBe(6);
      expect(await transactionsOf(streams.slice(1))).toBe(1);
      for (const [i, streamId] of streams.entries()) {
        expect((await grouped.readStream(streamId)).map((e) => e.eventId)).toEqual([events[i].eventId]);
      }
    });

    it('refuse only the append whose version is not the stream\'s, behind or ahead; the others commit', async () => {
      const behind = `meeting-${randomUUID()}`;
      const ahead = `meeting-${randomUUID()}`;
      await grouped.append({ streamId: behind, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] });
      await grouped.append({ streamId: ahead, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] });
      const fresh = Array.from({ length: 3 }, () => `meeting-${randomUUID()}`);

      const outcomes = await Promise.allSettled([
        grouped.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] }),
        grouped.append({ streamId: behind, streamType: 'meeting', expectedVersion: 0, events: [anEvent(), anEvent()] }),
        grouped.append({ streamId: ahead, streamType: 'meeting', expectedVersion: 5, events: [anEvent(), anEvent()] }),
        ...fresh.map((streamId) => grouped.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] })),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new StreamVersionConflict(behind, 0));
      expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new StreamVersionConflict(ahead, 5));
      expect(await countEvents(behind)).toBe(1);
      expect(await countEvents(ahead)).toBe(1);
      expect(await transactionsOf(fresh)).toBe(1);
    });

    it('refuse only the append with a faulty row (an event id already in the log); the others commit', async () => {
      const existing = anEvent();
      await grouped.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [existing] });
      const fresh = Array.from({ length: 3 }, () => `meeting-${randomUUID()}`);
      const duplicate = `meeting-${randomUUID()}`;

      const outcomes = await Promise.allSettled([
        grouped.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] }),
        ...fresh.map((streamId) => grouped.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] })),
        grouped.append({ streamId: duplicate, streamType: 'meeting', expectedVersion: 0, events: [anEvent(), existing] }),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      expect((outcomes[4] as PromiseRejectedResult).reason).toMatchObject({ code: '23505', constraint: 'events_event_id_unique' });
      expect(await countEvents(duplicate)).toBe(0);
      for (const streamId of fresh) expect(await countEvents(streamId)).toBe(1);
    });
  });

  describe('wakes the readers of the log after each commit', () => {
    let listener: Client;
    let notified = 0;

    beforeAll(async () => {
      listener = new Client({ connectionString: db.url });
      await listener.connect();
      listener.on('notification', () => (notified += 1));
      await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    });
    afterAll(() => listener.end());

    /**
     * Appends sent together by a store of its own (one that has notified nothing yet), keyed or group-committed;
     * once each commit has been announced, the queries it sent to notify.
     */
    async function appendsTogether(keyed: readonly boolean[]): Promise<string[]> {
      const pool = new Pool({ connectionString: db.url, max: 4 });
      try {
        const sent: string[] = [];
        const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
        (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
          sent.push(String(args[0]));
          return query(...args);
        };
        const fresh = new PostgresEventStore(pool, ANY_EVENT);
        const append = (withKey: boolean) =>
          fresh.append({
            streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [anEvent()],
            ...(withKey ? { idempotency: { scope: 'POST /v1/meetings clerk', key: randomUUID(), requestHash: 'hash-n' } } : {}),
          });
        const before = notified;
        await Promise.all(keyed.map(append));
        await waitFor('a notification for each commit', async () => notified - before >= keyed.length, { intervalMs: 10 });
        return sent.filter((text) => text.includes('pg_notify'));
      } finally {
        await pool.end();
      }
    }

    it('the first append of a quiet spell from its own statement, with no query of its own', async () => {
      expect(await appendsTogether([true])).toEqual([]);
      expect(await appendsTogether([false])).toEqual([]);
    });

    // Whether the second falls within the first's window depends on the machine's speed: at most one query either way.
    it('appends sent together, each announced, by its statement or by one query at the window\'s end', async () => {
      expect((await appendsTogether([true, false])).length).toBeLessThanOrEqual(1);
      expect((await appendsTogether([false, true])).length).toBeLessThanOrEqual(1);
    });
  });

  it('appends a retried command once and answers the retry with the first result', async () => {
    const streamId = `meeting-${randomUUID()}`;
    const idempotency = { scope: 'POST /v1/meetings clerk', key: randomUUID(), requestHash: 'hash-a' };
    const first = await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()], idempotency });

    expect(await store.findIdempotentResult(idempotency)).toEqual(first);
    const retryOnAnotherStream = await store.append({
      streamId: `meeting-${randomUUID()}`,
      streamType: 'meeting',
      expectedVersion: 0,
      events: [anEvent()],
      idempotency,
    });
    expect(retryOnAnotherStream).toEqual(first);
    const total = await db.pool.query(`SELECT count(*) FROM events WHERE metadata->>'commandId' = 'cmd-1' AND stream_id = $1`, [
      retryOnAnotherStream.streamId,
    ]);
    expect(Number(total.rows[0].count)).toBe(1);
  });

  it('refuses a keyed append decided on a stale version, and keeps no key for it', async () => {
    const streamId = `meeting-${randomUUID()}`;
    await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] });
    const idempotency = { scope: 'POST /v1/meetings clerk', key: randomUUID(), requestHash: 'hash-stale' };

    await expect(store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()], idempotency })).rejects.toEqual(
      new StreamVersionConflict(streamId, 0),
    );
    expect(await store.findIdempotentResult(idempotency)).toBeUndefined();
    const decidedAgain = await store.append({ streamId, streamType: 'meeting', expectedVersion: 1, events: [anEvent()], idempotency });
    expect(decidedAgain.streamVersion).toBe(2);
    expect(await store.findIdempotentResult(idempotency)).toEqual(decidedAgain);
  });

  it('appends once when the same idempotency key arrives concurrently', async () => {
    const idempotency = { scope: 'POST /v1/meetings clerk', key: randomUUID(), requestHash: 'hash-b' };
    const streams = Array.from({ length: 6 }, () => `meeting-${randomUUID()}`);
    const results: AppendResult[] = await Promise.all(
      streams.map((streamId) => store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()], idempotency })),
    );
    expect(new Set(results.map((r) => r.streamId)).size).toBe(1);
    const stored = await db.pool.query('SELECT count(*) FROM events WHERE stream_id = ANY($1)', [streams]);
    expect(Number(stored.rows[0].count)).toBe(1);
  });

  it('refuses the same idempotency key with a different request', async () => {
    const key = randomUUID();
    await store.append({
      streamId: `meeting-${randomUUID()}`,
      streamType: 'meeting',
      expectedVersion: 0,
      events: [anEvent()],
      idempotency: { scope: 's', key, requestHash: 'first' },
    });
    await expect(store.findIdempotentResult({ scope: 's', key, requestHash: 'second' })).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('keeps the log append-only: rows cannot be updated or deleted', async () => {
    const streamId = `meeting-${randomUUID()}`;
    await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [anEvent()] });
    await expect(db.pool.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM events WHERE stream_id = $1', [streamId])).rejects.toThrow(/append-only/);
  });

  it('plans its append statements once per connection, whatever the size of each batch', async () => {
    // One connection, so that every statement below is prepared on the connection asked afterwards.
    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      const oneConnection = new PostgresEventStore(pool, ANY_EVENT);
      for (let i = 0; i < 12; i += 1) {
        const events = Array.from({ length: 1 + (i % 3) }, () => anEvent());
        await oneConnection.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events });
        await oneConnection.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [anEvent()], idempotency: { scope: 's', key: randomUUID(), requestHash: 'h' } });
      }
      const { rows } = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
        `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'insert-append%' ORDER BY name`,
      );
      // Each kind of append is one statement, or two when some appends also notified from their statement (a
      // variant of its own, see CommitNotifier), however many events each carried.
      const plans = rows.map((row) => ({
        kind: row.name.startsWith('insert-append-claiming-key') ? 'keyed' : 'grouped',
        uses: Number(row.generic_plans) + Number(row.custom_plans),
        custom: Number(row.custom_plans),
      }));
      const usesOf = (kind: string) => plans.filter((plan) => plan.kind === kind).reduce((sum, plan) => sum + plan.uses, 0);
      expect(usesOf('keyed')).toBe(12);
      expect(usesOf('grouped')).toBe(12);
      expect(plans.length).toBeLessThanOrEqual(4);
      // Postgres tries five custom plans before it compares them with the generic one; from then on it plans no more.
      for (const plan of plans) expect(plan.custom).toBe(Math.min(plan.uses, 5));
    } finally {
      await pool.end();
    }
  });
});
