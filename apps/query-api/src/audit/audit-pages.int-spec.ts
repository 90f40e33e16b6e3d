import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { AuditFilter, AuditLogReader, ANY_EVENT, PostgresEventStore, RecordedEvent } from '@civic/event-store';
import { AuditPages } from './audit-pages';

describe(AuditPages.name, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let log: AuditLogReader;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
    log = new AuditLogReader(db.pool);
  });
  afterAll(() => db.drop());

  const newWard = () => `8${Math.floor(Math.random() * 9000 + 1000)}`;
  const meeting = (unitCode: string, occurredOn: string) => ({
    streamId: `meeting-${randomUUID()}`,
    streamType: 'meeting',
    expectedVersion: 0,
    events: [{
      eventId: randomUUID(),
      type: 'MeetingHeld',
      schemaVersion: 1,
      data: { title: 'Hội nghị giao ban' },
      metadata: { actor: { subject: 'clerk', roles: ['ward-clerk'] }, correlationId: 'c', causationId: 'c', commandId: 'c' },
      occurredOn,
      unitCode,
    }],
  });
  const positions = (answer: { json: string }) => (JSON.parse(answer.json) as { items: RecordedEvent[] }).items.map((e) => e.position);
  const yearOf = (unitCode: string): AuditFilter => ({ unitCode, occurredFrom: '2023-01-01', occurredTo: '2023-12-31', limit: 100 });

  it('answers a page again without reading it while the unit has no new event in its dates', async () => {
    const ward = newWard();
    await store.append(meeting(ward, '2023-05-01'));
    const pages = new AuditPages(log);
    const reads = jest.spyOn(log, 'pageJson');
    const first = await pages.page(yearOf(ward));
    // Another unit's event, and one of this unit in another year, change nothing on the page.
    await store.append(meeting(newWard(), '2023-05-01'));
    await store.append(meeting(ward, '2024-05-01'));
    const second = await pages.page(yearOf(ward));
    expect(second).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it('reads the page again once the unit has a new event in its dates', async () => {
    const ward = newWard();
    await store.append(meeting(ward, '2023-05-01'));
    const pages = new AuditPages(log);
    expect(positions(await pages.page(yearOf(ward)))).toHaveLength(1);
    await store.append(meeting(ward, '2023-06-01'));
    expect(positions(await pages.page(yearOf(ward)))).toHaveLength(2);
  });

  it('sees an event that commits after a later-positioned one was already answered', async () => {
    const ward = newWard();
    const pages = new AuditPages(log);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedFirst = new Promise<void>((resolve) => (inserted = resolve));
    // The first event takes the lower position, but its transaction stays open until the page has been answered.
    const slow = store.appendToStreams([meeting(ward, '2023-05-01')], async () => {
      inserted();
      await held;
    });
    await insertedFirst;
    await store.append(meeting(ward, '2023-05-02'));
    const before = positions(await pages.page(yearOf(ward)));
    expect(before).toHaveLength(1);
    release();
    const [slowEvent] = await slow;
    const after = positions(await pages.page(yearOf(ward)));
    expect(after).toEqual([slowEvent.position, before[0]]);
    expect(BigInt(slowEvent.position)).toBeLessThan(BigInt(before[0]));
  });

  it('reads every time a filter that is not of one unit alone', async () => {
    const ward = newWard();
    await store.append(meeting(ward, '2023-05-01'));
    const pages = new AuditPages(log);
    const reads = jest.spyOn(log, 'pageJson');
    await pages.page({ ...yearOf(ward), includeDescendants: true });
    await pages.page({ ...yearOf(ward), includeDescendants: true });
    await pages.page({ eventType: 'MeetingHeld', limit: 5 });
    await pages.page({ eventType: 'MeetingHeld', limit: 5 });
    expect(reads).toHaveBeenCalledTimes(4);
    reads.mockRestore();
  });
});
