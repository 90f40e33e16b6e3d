import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { RecordedEvent } from '../../event-envelope';
import { PostgresEventStore } from '../postgres-event-store';
import { ANY_EVENT } from '../../event-contract';
import { AuditLogReader } from './audit-log.reader';

describe(AuditLogReader.name, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let reader: AuditLogReader;
  const ward = `9${Math.floor(Math.random() * 9000 + 1000)}`;
  const recorded: RecordedEvent[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
    reader = new AuditLogReader(db.pool);
    // Seven events of one ward over two years, the last one a correction of the first record.
    const streams = Array.from({ length: 6 }, () => `meeting-${randomUUID()}`);
    for (const [i, streamId] of streams.entries()) {
      await store.append({ streamId, streamType: 'meeting', expectedVersion: 0, events: [meetingEvent(`Hội nghị số ${i + 1} “đầu năm”\n`, i < 4 ? '2023-03-0' + (i + 1) : '2024-05-0' + i)] });
    }
    await store.append({ streamId: streams[0], streamType: 'meeting', expectedVersion: 1, events: [{ ...meetingEvent('Hội nghị đã sửa', '2023-03-01'), type: 'MeetingCorrected' }] });
    for (const streamId of streams) recorded.push(...(await store.readStream(streamId)));
    recorded.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
  });
  afterAll(() => db.drop());

  const meetingEvent = (title: string, occurredOn: string) => ({
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 1,
    data: { title, attendance: { present: 42 }, tags: ['Đảng ủy', 'HĐND'] },
    metadata: { actor: { subject: 'clerk-1', roles: ['ward-clerk'] }, correlationId: 'c-1', causationId: 'c-1', commandId: 'cmd-1' },
    occurredOn,
    unitCode: ward,
  });

  const page = async (filter: Partial<Parameters<AuditLogReader['pageJson']>[0]>) =>
    JSON.parse(await reader.pageJson({ unitCode: ward, limit: 100, ...filter })) as { items: RecordedEvent[]; nextAfter: string | null };

  it('writes each event exactly as the library reads it: every field, jsonb, Vietnamese text, millisecond timestamps', async () => {
    const { items, nextAfter } = await page({});
    expect(items).toEqual(recorded);
    expect(nextAfter).toBeNull();
    expect(items[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('pages in position order: nextAfter is the last position shown, and the next page starts after it', async () => {
    const first = await page({ limit: 3 });
    expect(first.items.map((e) => e.position)).toEqual(recorded.slice(0, 3).map((e) => e.position));
    expect(first.nextAfter).toBe(recorded[2].position);
    const second = await page({ limit: 3, afterPosition: first.nextAfter! });
    expect(second.items).toEqual(recorded.slice(3, 6));
    const last = await page({ limit: 3, afterPosition: second.nextAfter! });
    expect(last).toEqual({ items: recorded.slice(6), nextAfter: null });
  });

  it('a page exactly full has no next page', async () => {
    expect((await page({ limit: recorded.length })).nextAfter).toBeNull();
  });

  it('filters by the civic date of the facts', async () => {
    const { items } = await page({ occurredFrom: '2024-01-01', occurredTo: '2024-12-31' });
    expect(items).toEqual(recorded.filter((e) => e.occurredOn.startsWith('2024')));
    expect(items).toHaveLength(2);
  });

  it('an empty page is an empty list, not null', async () => {
    expect(await page({ unitCode: '99999' })).toEqual({ items: [], nextAfter: null });
  });

  it('gives a record’s history as JSON, every version oldest first, and null for a record that does not exist', async () => {
    const history = JSON.parse((await reader.streamJson(recorded[0].streamId))!);
    expect(history).toEqual({ streamId: recorded[0].streamId, versions: [recorded[0], recorded[6]] });
    expect(await reader.streamJson(`meeting-${randomUUID()}`)).toBeNull();
  });
});
