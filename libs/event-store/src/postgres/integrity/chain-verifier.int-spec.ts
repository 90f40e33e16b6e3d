import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { NewEvent } from '../../event-envelope';
import { PostgresEventStore } from '../postgres-event-store';
import { ANY_EVENT } from '../../event-contract';
import { ChainVerifier } from './chain-verifier';

describe(ChainVerifier.name, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let verifier: ChainVerifier;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
    verifier = new ChainVerifier(db.pool);
  });
  afterEach(() => db.drop());

  const event = (title: string, unitCode = '00295'): NewEvent => ({
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 2,
    data: { title, attendance: { count: 120, qualifier: 'khoảng' }, ratio: 0.85 },
    metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() },
    occurredOn: '2021-01-12',
    unitCode,
  });

  /** Three streams: two under ward 00295 (one with three versions), one under ward 00298. */
  async function recordHistory(): Promise<{ long: string; short: string; elsewhere: string }> {
    const long = `meeting-${randomUUID()}`;
    const short = `meeting-${randomUUID()}`;
    const elsewhere = `meeting-${randomUUID()}`;
    await store.append({ streamId: long, streamType: 'meeting', expectedVersion: 0, events: [event('Hội nghị tổng kết năm 2020')] });
    await store.append({ streamId: short, streamType: 'meeting', expectedVersion: 0, events: [event('Hội nghị cán bộ, công chức')] });
    await store.append({ streamId: long, streamType: 'meeting', expectedVersion: 1, events: [event('Đính chính lần 1'), event('Đính chính lần 2')] });
    await store.appendToStreams([{ streamId: elsewhere, streamType: 'meeting', expectedVersion: 0, events: [event('Phường Đội Cấn', '00298')] }]);
    return { long, short, elsewhere };
  }

  /** What someone with superuser access could do: lift the append-only trigger and change a row. */
  async function tamper(statement: string, values: unknown[]): Promise<void> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(statement, values);
    } finally {
      await client.end();
    }
  }

  it('links each version to the one before it in the stream, inside the INSERT', async () => {
    const { long } = await recordHistory();
    const { rows } = await db.pool.query<{ previous_hash: Buffer | null; event_hash: Buffer }>(
      'SELECT previous_hash, event_hash FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [long],
    );
    expect(rows).toHaveLength(3);
    expect(rows[0].previous_hash).toBeNull();
    expect(rows[1].previous_hash).toEqual(rows[0].event_hash);
    expect(rows[2].previous_hash).toEqual(rows[1].event_hash);
  });

  it('finds an untouched log intact, for a stream, a unit and the whole log', async () => {
    const { long } = await recordHistory();
    const progress: number[] = [];
    expect(await verifier.verify({ kind: 'log' }, (checked) => progress.push(checked))).toEqual({
      intact: true,
      eventsChecked: 5,
      streamsChecked: 3,
      firstBrokenLink: null,
    });
    expect(progress[progress.length - 1]).toBe(5);
    expect(await verifier.verify({ kind: 'stream', streamId: long })).toMatchObject({ intact: true, eventsChecked: 3 });
    expect(await verifier.verify({ kind: 'unit', unitCode: '00295' })).toMatchObject({ intact: true, eventsChecked: 4, streamsChecked: 2 });
    expect(await verifier.count({ kind: 'unit', unitCode: '00298' })).toBe(1);
  });

  it('names the row whose content was edited in SQL', async () => {
    const { long, elsewhere } = await recordHistory();
    await tamper(`UPDATE events SET data = jsonb_set(data, '{attendance,count}', '300') WHERE stream_id = $1 AND stream_version = 2`, [long]);

    const report = await verifier.verify({ kind: 'log' });
    expect(report.intact).toBe(false);
    expect(report.firstBrokenLink).toMatchObject({ problem: 'content-altered', streamId: long, streamVersion: 2 });
    expect(report.firstBrokenLink?.explanation).toContain('changed after it was recorded');
    expect(await verifier.verify({ kind: 'unit', unitCode: '00295' })).toMatchObject({ firstBrokenLink: { streamId: long, streamVersion: 2 } });
    expect(await verifier.verify({ kind: 'stream', streamId: elsewhere })).toMatchObject({ intact: true });
  });

  it('names the row whose metadata (who recorded it) was edited', async () => {
    const { short } = await recordHistory();
    await tamper(`UPDATE events SET metadata = jsonb_set(metadata, '{actor,subject}', '"someone-else"') WHERE stream_id = $1`, [short]);
    expect((await verifier.verify({ kind: 'log' })).firstBrokenLink).toMatchObject({ problem: 'content-altered', streamId: short, streamVersion: 1 });
  });

  it('names the gap a deleted version leaves', async () => {
    const { long } = await recordHistory();
    await tamper('DELETE FROM events WHERE stream_id = $1 AND stream_version = 2', [long]);
    expect((await verifier.verify({ kind: 'stream', streamId: long })).firstBrokenLink).toMatchObject({
      problem: 'version-missing',
      streamId: long,
      streamVersion: 3,
    });
  });

  it('notices a recording time moved and a stored hash replaced', async () => {
    const { long, short } = await recordHistory();
    await tamper(`UPDATE events SET recorded_at = recorded_at - interval '1 day' WHERE stream_id = $1`, [short]);
    expect((await verifier.verify({ kind: 'log' })).firstBrokenLink).toMatchObject({ problem: 'link-altered', streamId: short });

    await tamper(`UPDATE events SET event_hash = sha256('forged') WHERE stream_id = $1 AND stream_version = 1`, [long]);
    expect((await verifier.verify({ kind: 'stream', streamId: long })).firstBrokenLink).toMatchObject({ problem: 'link-altered', streamVersion: 1 });
  });

  it('notices a version re-pointed at another predecessor', async () => {
    const { long } = await recordHistory();
    await tamper(`UPDATE events SET previous_hash = sha256('another') WHERE stream_id = $1 AND stream_version = 3`, [long]);
    expect((await verifier.verify({ kind: 'log' })).firstBrokenLink).toMatchObject({ problem: 'chain-broken', streamId: long, streamVersion: 3 });
  });

  it('refuses to insert a version with nothing to chain to', async () => {
    const streamId = `meeting-${randomUUID()}`;
    await expect(
      store.appendToStreams([{ streamId, streamType: 'meeting', expectedVersion: 0, events: [event('a')] }]).then(() =>
        db.pool.query(
          `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_on, unit_code, content_hash)
           VALUES ($1, 'meeting', 3, $2, 'MeetingHeld', 2, '{}', '{}', '2021-01-12', '00295', sha256('x'))`,
          [streamId, randomUUID()],
        ),
      ),
    ).rejects.toThrow(/no previous version to chain to/);
  });
});
