import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { NewEvent } from './event-envelope';
import { ChainVerifier } from './integrity/chain-verifier';
import { AppendResult, PostgresEventStore } from './postgres-event-store';
import { ANY_EVENT } from './event-contract';

const anEvent = (title: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'UnitListImported',
  schemaVersion: 1,
  data: { title },
  metadata: { actor: { subject: 'registry-importer', roles: ['system'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() },
  occurredOn: '2025-07-01',
  unitCode: '00295',
});

describe('PostgresEventStore.appendAtEnd', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
  });
  afterAll(() => db.drop());

  const appendAtEnd = (streamId: string, ...titles: string[]) =>
    store.appendAtEnd({ streamId, streamType: 'unit-registry', events: titles.map(anEvent) });

  const storedStream = async (streamId: string) =>
    (
      await db.pool.query<{ stream_version: number; position: string; title: string; transaction_id: string }>(
        `SELECT stream_version, global_position::text AS position, data->>'title' AS title, transaction_id::text
         FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [streamId],
      )
    ).rows;

  /** Every writer's events are in the stream, in the writer's order, at the versions and positions it was told. */
  async function expectEachWriterWhereItWasTold(streamId: string, results: readonly AppendResult[], titles: readonly string[][]) {
    const stored = await storedStream(streamId);
    expect(stored.map((row) => row.stream_version)).toEqual(stored.map((_, index) => index + 1));
    results.forEach((result, writer) => {
      const last = stored.find((row) => row.stream_version === result.streamVersion);
      expect(last).toMatchObject({ position: result.position, title: titles[writer][titles[writer].length - 1] });
      const own = stored.slice(result.streamVersion - titles[writer].length, result.streamVersion).map((row) => row.title);
      expect(own).toEqual(titles[writer]);
    });
    expect(await new ChainVerifier(db.pool).verify({ kind: 'stream', streamId })).toMatchObject({ intact: true, eventsChecked: stored.length });
  }

  it('puts the events of many concurrent writers at the end of one stream, without conflicts, gaps or a broken chain', async () => {
    const streamId = `unit-registry-${randomUUID()}`;
    const titles = Array.from({ length: 60 }, (_, writer) => (writer % 3 === 0 ? [`Danh mục ${writer}`, `Phụ lục ${writer}`] : [`Danh mục ${writer}`]));
    const results = await Promise.all(titles.map((own) => appendAtEnd(streamId, ...own)));

    expect(new Set(results.map((r) => r.streamVersion)).size).toBe(60);
    await expectEachWriterWhereItWasTold(streamId, results, titles);
    // Writers that arrive while the stream's append is in flight go together in the next one.
    const transactions = new Set((await storedStream(streamId)).map((row) => row.transaction_id));
    expect(transactions.size).toBeLessThan(60);
  });

  it('goes on from whatever version the stream has, however it got there', async () => {
    const streamId = `unit-registry-${randomUUID()}`;
    await store.append({ streamId, streamType: 'unit-registry', expectedVersion: 0, events: [anEvent('một'), anEvent('hai')] });
    expect((await appendAtEnd(streamId, 'ba')).streamVersion).toBe(3);
    await store.append({ streamId, streamType: 'unit-registry', expectedVersion: 3, events: [anEvent('bốn')] });
    expect((await appendAtEnd(streamId, 'năm')).streamVersion).toBe(5);
    expect((await storedStream(streamId)).map((row) => row.title)).toEqual(['một', 'hai', 'ba', 'bốn', 'năm']);
  });

  it('decides again on the new head when another process moves the stream under the head it remembers', async () => {
    const other = new Pool({ connectionString: db.url, max: 4 });
    try {
      const otherStore = new PostgresEventStore(other, ANY_EVENT);
      const streamId = `unit-registry-${randomUUID()}`;
      await appendAtEnd(streamId, 'đầu');
      await otherStore.appendAtEnd({ streamId, streamType: 'unit-registry', events: [anEvent('từ tiến trình khác')] });
      const titles = Array.from({ length: 40 }, (_, writer) => [`Văn bản ${writer}`]);
      const results = await Promise.all(
        titles.map((own, writer) => (writer % 2 ? otherStore : store).appendAtEnd({ streamId, streamType: 'unit-registry', events: own.map(anEvent) })),
      );

      expect(results.map((r) => r.streamVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 3));
      await expectEachWriterWhereItWasTold(streamId, results, titles);
    } finally {
      await other.end();
    }
  });

  it('refuses only the writer whose event is already in the log; the others sharing its append commit', async () => {
    const streamId = `unit-registry-${randomUUID()}`;
    const already = anEvent('đã ghi');
    await store.append({ streamId: `other-${randomUUID()}`, streamType: 'unit-registry', expectedVersion: 0, events: [already] });
    await appendAtEnd(streamId, 'đầu');

    const outcomes = await Promise.allSettled([
      appendAtEnd(streamId, 'trước'),
      store.appendAtEnd({ streamId, streamType: 'unit-registry', events: [already] }),
      appendAtEnd(streamId, 'sau'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23505', constraint: 'events_event_id_unique' });
    expect((await storedStream(streamId)).map((row) => row.title)).toEqual(['đầu', 'trước', 'sau']);
    expect(await new ChainVerifier(db.pool).verify({ kind: 'stream', streamId })).toMatchObject({ intact: true });
  });

  it('refuses only the writer whose data JSON cannot hold', async () => {
    const streamId = `unit-registry-${randomUUID()}`;
    const unserializable = { ...anEvent('xấu'), data: { count: 10n } as unknown as Record<string, unknown> };
    const outcomes = await Promise.allSettled([
      appendAtEnd(streamId, 'một'),
      store.appendAtEnd({ streamId, streamType: 'unit-registry', events: [unserializable] }),
      appendAtEnd(streamId, 'hai'),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storedStream(streamId)).map((row) => [row.stream_version, row.title])).toEqual([
      [1, 'một'],
      [2, 'hai'],
    ]);
  });

  it('appends a keyed request once, and answers its retries with the first result', async () => {
    const streamId = `unit-registry-${randomUUID()}`;
    const idempotency = { scope: 'registry import', key: randomUUID(), requestHash: 'danh-muc-2025' };
    const event = anEvent('Danh mục 2025');
    const request = { streamId, streamType: 'unit-registry', events: [event], idempotency };

    const [first, concurrent] = await Promise.all([store.appendAtEnd(request), store.appendAtEnd(request), appendAtEnd(streamId, 'khác')]);
    const retried = await store.appendAtEnd(request);

    expect(concurrent).toEqual(first);
    expect(retried).toEqual(first);
    expect((await storedStream(streamId)).map((row) => row.title).sort()).toEqual(['Danh mục 2025', 'khác']);
  });

  it('refuses an append with no events', async () => {
    await expect(store.appendAtEnd({ streamId: `unit-registry-${randomUUID()}`, streamType: 'unit-registry', events: [] })).rejects.toThrow('Nothing to append');
  });
});
