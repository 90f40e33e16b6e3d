import { randomUUID } from 'node:crypto';
import { DomainRuleViolation, meetingDecider, MeetingHeldData, movementDecider, movementStreamId, UnitsOnDate } from '@civic/domain';
import { CommandContext, CommandProcessor } from './command-processor';
import { MINH_KHAI_UNITS, minhKhaiMovementLaunch, movementReview } from '@civic/testing';
import { ANY_EVENT } from './event-contract';
import { IdempotencyClaim } from './event-log';
import { IdempotencyKeyReused, StaleRecordVersion, StreamVersionConflict } from './event-store.errors';
import { InMemoryEventLog } from './memory/in-memory-event-log';
import { meetingStream, meetingStreamId } from './streams/meeting.stream';
import { movementStream } from './streams/movement.stream';

/**
 * Command handling on the in-memory log (the same contract as Postgres, see eventLogContract): the decisions,
 * refusals, retries and races of CommandProcessor, without a database. command-processor.int-spec.ts runs the
 * races again on Postgres.
 */

function contextOf(options: { expectedVersion?: number; idempotency?: IdempotencyClaim } = {}): CommandContext {
  return {
    metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: 'c', commandId: 'c' },
    newEventId: randomUUID,
    ...options,
  };
}

function meeting(overrides: Partial<MeetingHeldData> = {}): MeetingHeldData {
  return {
    meetingId: randomUUID(), unitCode: '00295', kind: 'GIAO_BAN', title: 'Hội nghị giao ban tháng 3', heldOn: '2024-03-01', venue: null,
    convenedBy: [{ body: 'UBND', unitCode: '00295' }], chairs: [], guests: [], subjectTerm: null, theme: null, reports: [], indicators: [],
    source: null, attendeeCount: null, reviewYear: null, planYear: null, ...overrides,
  };
}

describe('CommandProcessor on the in-memory log', () => {
  let log: InMemoryEventLog;
  let processor: CommandProcessor;
  beforeEach(() => {
    log = new InMemoryEventLog(ANY_EVENT);
    processor = new CommandProcessor(log);
  });

  const record = (data: MeetingHeldData, options: { units?: UnitsOnDate; idempotency?: IdempotencyClaim } = {}) =>
    processor.handle(meetingDecider, meetingStream, meetingStreamId(data.meetingId), { type: 'RecordMeeting', data, metadata: { receivedOn: '2026-11-23', units: options.units ?? MINH_KHAI_UNITS } }, contextOf(options), { usuallyNew: true });
  const typesOf = async (streamId: string) => (await log.readStream(streamId)).map((event) => event.type);

  describe('a new record', () => {
    it('is decided and stored as version 1, with the actor, the place and the date of the fact', async () => {
      const data = meeting();
      const result = await record(data);

      expect(result).toMatchObject({ streamId: meetingStreamId(data.meetingId), streamVersion: 1 });
      const [stored] = await log.readStream(result.streamId);
      expect(stored).toMatchObject({ type: 'MeetingHeld', streamType: 'meeting', unitCode: '00295', occurredOn: '2024-03-01', metadata: { actor: { subject: 'clerk-00295' } } });
      expect(stored.data).toMatchObject({ title: 'Hội nghị giao ban tháng 3' });
    });

    it('recorded again is refused by the rule of its real history, and nothing is appended', async () => {
      const data = meeting();
      await record(data);
      await expect(record(data)).rejects.toMatchObject({ code: 'MEETING.ALREADY_RECORDED' });
      expect(await typesOf(meetingStreamId(data.meetingId))).toEqual(['MeetingHeld']);
    });

    it('that breaks a rule is refused and leaves nothing behind', async () => {
      const data = meeting();
      await expect(record(data, { units: {} })).rejects.toBeInstanceOf(DomainRuleViolation);
      expect(await typesOf(meetingStreamId(data.meetingId))).toEqual([]);
    });
  });

  describe('an Idempotency-Key', () => {
    const claim = (requestHash: string): IdempotencyClaim => ({ scope: 'POST /v1/meetings clerk-00295', key: randomUUID(), requestHash });

    it('answers a retry, and concurrent duplicates, with the first answer and one event', async () => {
      const data = meeting();
      const key = claim('hash-1');
      const answers = await Promise.all([record(data, { idempotency: key }), record(data, { idempotency: key }), record(data, { idempotency: key })]);
      expect(await record(data, { idempotency: key })).toEqual(answers[0]);
      expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
      expect(await typesOf(meetingStreamId(data.meetingId))).toEqual(['MeetingHeld']);
    });

    it('sent with another request is refused, for a new record as for the same one', async () => {
      const data = meeting();
      const key = claim('hash-2');
      await record(data, { idempotency: key });
      const other = meeting();
      await expect(record(other, { idempotency: { ...key, requestHash: 'another' } })).rejects.toBeInstanceOf(IdempotencyKeyReused);
      await expect(record(data, { idempotency: { ...key, requestHash: 'another' } })).rejects.toBeInstanceOf(IdempotencyKeyReused);
      expect(await typesOf(meetingStreamId(other.meetingId))).toEqual([]);
    });
  });

  describe('a change to an existing record', () => {
    async function launchMovement(): Promise<string> {
      const movementId = randomUUID();
      await processor.handle(movementDecider, movementStream, movementStreamId(movementId), minhKhaiMovementLaunch(movementId), contextOf(), { usuallyNew: true });
      return movementId;
    }
    const review = (movementId: string, reviewKind: 'SO_KET' | 'TONG_KET', expectedVersion?: number) =>
      processor.handle(movementDecider, movementStream, movementStreamId(movementId), movementReview(movementId, reviewKind), contextOf({ expectedVersion }));
    const kindsOf = async (movementId: string) => (await log.readStream(movementStreamId(movementId))).map((event) => (event.data.reviewKind as string | undefined) ?? 'launched');

    it('without If-Match is decided again when another change landed first', async () => {
      const movementId = await launchMovement();
      const results = await Promise.all(Array.from({ length: 5 }, () => review(movementId, 'SO_KET')));
      expect(results.map((result) => result.streamVersion).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
      expect(await kindsOf(movementId)).toEqual(['launched', ...Array(5).fill('SO_KET')]);
    });

    it('is judged by the rules on the record as it is then: a review after the final one is refused as such', async () => {
      const movementId = await launchMovement();
      await review(movementId, 'TONG_KET');
      await expect(review(movementId, 'SO_KET')).rejects.toMatchObject({ code: 'MOVEMENT.ALREADY_CONCLUDED' });
      expect(await kindsOf(movementId)).toEqual(['launched', 'TONG_KET']);
    });

    it('with If-Match is refused when the record has moved on (412 before deciding, 409 when another lands first)', async () => {
      const movementId = await launchMovement();
      await review(movementId, 'SO_KET', 1);
      await expect(review(movementId, 'SO_KET', 1)).rejects.toBeInstanceOf(StaleRecordVersion);
      const outcomes = await Promise.allSettled(Array.from({ length: 3 }, () => review(movementId, 'SO_KET', 2)));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) expect(outcome.reason).toBeInstanceOf(StreamVersionConflict);
      expect(await kindsOf(movementId)).toEqual(['launched', 'SO_KET', 'SO_KET']);
    });

    it('beaten five times tells the caller (409) instead of deciding for ever', async () => {
      const movementId = await launchMovement();
      const racing = Array.from({ length: 7 }, () => review(movementId, 'SO_KET'));
      const outcomes = await Promise.allSettled(racing);
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      // Each round one review lands: the sixth and seventh have lost five rounds by then.
      expect(refused).toHaveLength(2);
      for (const outcome of refused) expect(outcome.reason).toBeInstanceOf(StreamVersionConflict);
      expect(await kindsOf(movementId)).toHaveLength(1 + outcomes.length - refused.length);
    });
  });
});
