import { randomUUID } from 'node:crypto';
import { DomainRuleViolation, meetingDecider, MeetingHeldData, movementDecider, movementStreamId, UnitsOnDate } from '@civic/domain';
import { createTestDatabase, minhKhaiMovementLaunch, movementReview, TestDatabase } from '@civic/testing';
import { CommandProcessor } from './command-processor';
import { IdempotencyKeyReused, StaleRecordVersion, StreamVersionConflict } from './event-store.errors';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { IdempotencyClaim } from './event-log';
import { ANY_EVENT } from './event-contract';
import { meetingStream, meetingStreamId } from './streams/meeting.stream';
import { movementStream } from './streams/movement.stream';

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
    processor = new CommandProcessor(new PostgresEventStore(db.pool, ANY_EVENT));
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

/** Commands on an existing record: without If-Match they are decided on the record as it is when they land. */
describe('CommandProcessor, changes that land first', () => {
  let db: TestDatabase;
  let processor: CommandProcessor;
  const context = (expectedVersion?: number) => ({
    metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: 'c', commandId: 'c' },
    newEventId: randomUUID,
    expectedVersion,
  });

  /** Minh Khai's 2021 emulation movement, launched on 12/01/2021 (seed 000). */
  async function launchMovement(): Promise<string> {
    const movementId = randomUUID();
    await processor.handle(movementDecider, movementStream, movementStreamId(movementId), minhKhaiMovementLaunch(movementId), context(), { usuallyNew: true });
    return movementId;
  }
  const review = (movementId: string, reviewKind: 'SO_KET' | 'TONG_KET', expectedVersion?: number) =>
    processor.handle(movementDecider, movementStream, movementStreamId(movementId), movementReview(movementId, reviewKind), context(expectedVersion));
  const eventsOf = async (movementId: string) =>
    (await db.pool.query(`SELECT data->>'reviewKind' AS kind FROM events WHERE stream_id = $1 ORDER BY stream_version`, [movementStreamId(movementId)])).rows.map((r) => r.kind ?? 'launched');

  beforeAll(async () => {
    db = await createTestDatabase();
    processor = new CommandProcessor(new PostgresEventStore(db.pool, ANY_EVENT));
  });
  afterAll(() => db.drop());

  it('decides a command without If-Match again when another change landed first, instead of refusing it', async () => {
    const movementId = await launchMovement();
    // Each time a review is beaten, another one has landed: of five, none is beaten more than four times, so each
    // lands within the processor's five decisions whatever order they commit in.
    const results = await Promise.all(Array.from({ length: 5 }, () => review(movementId, 'SO_KET')));

    expect(results.map((r) => r.streamVersion).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    expect(await eventsOf(movementId)).toEqual(['launched', ...Array(5).fill('SO_KET')]);
  });

  it('answers by the rules on the record as it is then: a review after the final one is refused as such', async () => {
    const movementId = await launchMovement();
    const outcomes = await Promise.allSettled([review(movementId, 'SO_KET'), review(movementId, 'TONG_KET'), review(movementId, 'SO_KET'), review(movementId, 'SO_KET')]);

    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason);
    expect(refusals).toEqual(refusals.map(() => expect.objectContaining({ code: 'MOVEMENT.ALREADY_CONCLUDED' })));
    const stored = await eventsOf(movementId);
    expect(stored).toHaveLength(1 + outcomes.length - refusals.length);
    expect(stored[stored.length - 1]).toBe('TONG_KET');
  });

  it('reports a change that landed first to a caller who named the version (If-Match), and decides nothing over it', async () => {
    const movementId = await launchMovement();
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => review(movementId, 'SO_KET', 1)));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
      expect([StreamVersionConflict, StaleRecordVersion].some((refusal) => o.reason instanceof refusal)).toBe(true);
    }
    expect(await eventsOf(movementId)).toEqual(['launched', 'SO_KET']);
  });
});
