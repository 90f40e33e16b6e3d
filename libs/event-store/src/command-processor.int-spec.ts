import { randomUUID } from 'node:crypto';
import { DomainRuleViolation, meetingDecider, MeetingHeldData, UnitsOnDate } from '@civic/domain';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { CommandProcessor } from './command-processor';
import { IdempotencyKeyReused } from './event-store.errors';
import { IdempotencyClaim, PostgresEventStore } from './postgres-event-store';
import { meetingStream, meetingStreamId } from './streams/meeting.stream';

const UNITS: UnitsOnDate = { '00238': { code: '00238', level: 'COMMUNE', name: 'Phường Khương Thượng', type: 'Phường', provinceCode: '01' } };

/** Commands that usually start their stream are decided without reading it; existing streams get their real answer. */
describe('CommandProcessor, usually-new commands', () => {
  let db: TestDatabase;
  let processor: CommandProcessor;
  const context = () => ({
    metadata: { actor: { subject: 'clerk', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: 'c', commandId: 'c' },
    newEventId: randomUUID,
  });
  const meeting = (overrides: Partial<MeetingHeldData> = {}): MeetingHeldData => ({
    meetingId: randomUUID(), unitCode: '00238', kind: 'GIAO_BAN', title: 'Hội nghị giao ban', heldOn: '2024-03-01', venue: null,
    convenedBy: [{ body: 'UBND', unitCode: '00238' }], chairs: [], guests: [], subjectTerm: null, theme: null, reports: [], indicators: [],
    source: null, attendeeCount: null, reviewYear: null, planYear: null, ...overrides,
  });
  const record = (data: MeetingHeldData, units: UnitsOnDate = UNITS, idempotency?: IdempotencyClaim) =>
    processor.handle(meetingDecider, meetingStream, meetingStreamId(data.meetingId), { type: 'RecordMeeting', data, metadata: { receivedOn: '2026-11-23', units } }, { ...context(), idempotency }, { usuallyNew: true });
  const claim = (requestHash: string): IdempotencyClaim => ({ scope: 'POST /v1/meetings clerk', key: randomUUID(), requestHash });
  const eventsOf = async (data: MeetingHeldData) =>
    (await db.pool.query('SELECT event_type FROM events WHERE stream_id = $1', [meetingStreamId(data.meetingId)])).rows.map((r) => r.event_type);

  beforeAll(async () => {
    db = await createTestDatabase();
    processor = new CommandProcessor(new PostgresEventStore(db.pool));
  });
  afterAll(() => db.drop());

  it('records a new meeting as version 1', async () => {
    const data = meeting();
    expect(await record(data)).toMatchObject({ streamId: meetingStreamId(data.meetingId), streamVersion: 1 });
    expect(await eventsOf(data)).toEqual(['MeetingHeld']);
  });

  it('refuses the same meeting recorded again by the rule of its real history, appending nothing', async () => {
    const data = meeting();
    await record(data);
    const again = record(data);
    await expect(again).rejects.toBeInstanceOf(DomainRuleViolation);
    await expect(again).rejects.toMatchObject({ code: 'MEETING.ALREADY_RECORDED' });
    expect(await eventsOf(data)).toEqual(['MeetingHeld']);
  });

  it('refuses a new meeting that breaks a rule as it would without the shortcut', async () => {
    const data = meeting();
    await expect(record(data, {})).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(await eventsOf(data)).toEqual([]);
  });

  describe('with an idempotency key (claimed by the append itself, looked up only when the append is refused)', () => {
    it('answers a retry with the first answer and appends nothing', async () => {
      const data = meeting();
      const key = claim('hash-1');
      const first = await record(data, UNITS, key);
      expect(await record(data, UNITS, key)).toEqual(first);
      expect(await eventsOf(data)).toEqual(['MeetingHeld']);
    });

    it('answers concurrent duplicates with one answer and one event', async () => {
      const data = meeting();
      const key = claim('hash-2');
      const answers = await Promise.all([record(data, UNITS, key), record(data, UNITS, key), record(data, UNITS, key)]);
      expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
      expect(await eventsOf(data)).toEqual(['MeetingHeld']);
    });

    it('refuses the key with another request, for a new meeting as for the same one', async () => {
      const data = meeting();
      const key = claim('hash-3');
      await record(data, UNITS, key);
      const other = meeting();
      await expect(record(other, UNITS, { ...key, requestHash: 'another' })).rejects.toBeInstanceOf(IdempotencyKeyReused);
      await expect(record(data, UNITS, { ...key, requestHash: 'another' })).rejects.toBeInstanceOf(IdempotencyKeyReused);
      expect(await eventsOf(other)).toEqual([]);
      expect(await eventsOf(data)).toEqual(['MeetingHeld']);
    });
  });
});
