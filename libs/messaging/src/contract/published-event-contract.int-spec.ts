import { randomUUID } from 'node:crypto';
import { meetingDecider, MeetingHeldData, UnitsOnDate } from '@civic/domain';
import { CommandProcessor, EventContractViolation, meetingStream, meetingStreamId, NewEvent, PostgresEventStore } from '@civic/event-store';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { PublishedEventContract } from './published-event-contract';

const UNITS: UnitsOnDate = { '00238': { code: '00238', level: 'COMMUNE', name: 'Phường Khương Thượng', type: 'Phường', provinceCode: '01' } };
const metadata = { actor: { subject: 'clerk', roles: ['ward-clerk'] }, correlationId: 'c', causationId: 'c', commandId: 'c' };

/** The guard on the write path, on a real event log: an event its contract refuses leaves nothing behind. */
describe('PublishedEventContract guarding the event store', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let processor: CommandProcessor;
  const rows = async () => Number((await db.pool.query('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM idempotency_keys) AS n')).rows[0].n);
  const meeting = (overrides: Record<string, unknown> = {}): MeetingHeldData => ({
    meetingId: randomUUID(), unitCode: '00238', kind: 'GIAO_BAN', title: 'Hội nghị giao ban', heldOn: '2024-03-01', venue: null,
    convenedBy: [{ body: 'UBND', unitCode: '00238' }], chairs: [], guests: [], subjectTerm: null, theme: null, reports: [], indicators: [],
    source: null, attendeeCount: null, reviewYear: null, planYear: null, ...overrides,
  }) as MeetingHeldData;
  const record = (data: MeetingHeldData) =>
    processor.handle(
      meetingDecider,
      meetingStream,
      meetingStreamId(data.meetingId),
      { type: 'RecordMeeting', data, metadata: { receivedOn: '2026-11-23', units: UNITS } },
      { metadata, newEventId: randomUUID, idempotency: { scope: 'POST /v1/meetings clerk', key: randomUUID(), requestHash: 'h' } },
      { usuallyNew: true },
    );
  const event = (data: object): NewEvent => ({ eventId: randomUUID(), type: 'UnitDissolved', schemaVersion: 1, data: data as Record<string, unknown>, metadata, occurredOn: '2025-07-01', unitCode: '00238' });

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, new PublishedEventContract());
    processor = new CommandProcessor(store);
  });
  afterAll(() => db.drop());

  it('appends a command’s event that its published schema admits', async () => {
    const before = await rows();
    await expect(record(meeting())).resolves.toMatchObject({ streamVersion: 1 });
    expect(await rows()).toBe(before + 2); // the event and its idempotency key
  });

  it('refuses a command whose event its schema does not admit (the chairs the list defect stored), appending nothing, not even the key', async () => {
    const before = await rows();
    const refused = record(meeting({ chairs: [{}] }));
    await expect(refused).rejects.toBeInstanceOf(EventContractViolation);
    await expect(refused).rejects.toThrow("MeetingHeld v2 does not match its published schema: /chairs/0 must have required property 'fullName'");
    expect(await rows()).toBe(before);
  });

  it('guards every way into the log: imports across streams too', async () => {
    const before = await rows();
    await expect(
      store.appendToStreams([{ streamId: 'admin-unit-00238', streamType: 'admin-unit', expectedVersion: 0, events: [event({ code: '00238' })] }]),
    ).rejects.toBeInstanceOf(EventContractViolation);
    expect(await rows()).toBe(before);
  });
});
