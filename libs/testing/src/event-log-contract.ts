import { randomUUID } from 'node:crypto';
import {
  AppendRequest,
  checkpointOf,
  EventContract,
  EventContractViolation,
  EventLog,
  IdempotencyKeyReused,
  LOG_START,
  LogInOrder,
  NEW_STREAM,
  NewEvent,
  RecordedEvent,
  StreamVersionConflict,
} from '@civic/event-store';

/** A log under test: opened over storage of its own for the suite, checking events with the contract given. */
export interface EventLogUnderTest {
  open(contract: EventContract): EventLog;
  close(): Promise<void>;
}

/** The test contract refuses events of this type, as the published one refuses an event its schema does not admit. */
const REFUSED_TYPE = 'RefusedByContract';
export const TEST_CONTRACT: EventContract = {
  check: (event) => {
    if (event.type === REFUSED_TYPE) throw new EventContractViolation(event.type, event.schemaVersion, [{ path: '/', message: 'refused by the test contract' }]);
  },
};

const metadata = { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: 'corr-1', causationId: 'cmd-1', commandId: 'cmd-1' };

export function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 2,
    data: { title: 'Hội nghị tổng kết công tác năm 2023', chairs: [{ fullName: 'Nguyễn Thị Đào' }], attendeeCount: 120 },
    metadata,
    occurredOn: '2024-01-12',
    unitCode: '00295',
    ...overrides,
  };
}

export const newStream = () => `meeting-${randomUUID()}`;
export const appendTo = (streamId: string, expectedVersion: number, events: NewEvent[] = [anEvent()]): AppendRequest => ({ streamId, streamType: 'meeting', expectedVersion, events });

/**
 * What every EventLog answers, run against each implementation (Postgres in an integration spec, memory in a unit
 * spec): a test double that passes it answers commands as production does.
 */
export function eventLogContract(name: string, setUp: () => Promise<EventLogUnderTest>): void {
  describe(`${name} keeps the EventLog contract`, () => {
    let underTest: EventLogUnderTest;
    let log: EventLog;

    beforeAll(async () => {
      underTest = await setUp();
      log = underTest.open(TEST_CONTRACT);
    });
    afterAll(() => underTest.close());

    it('records a new stream at version 1 and reads back every field of its envelope', async () => {
      const streamId = newStream();
      const event = anEvent();
      const result = await log.append(appendTo(streamId, NEW_STREAM, [event]));

      expect(result).toEqual({ streamId, streamVersion: 1, eventIds: [event.eventId], position: expect.stringMatching(/^\d+$/) });
      const [read] = await log.readStream(streamId);
      expect(read).toEqual({ ...event, streamId, streamType: 'meeting', streamVersion: 1, position: result.position, transactionId: expect.stringMatching(/^\d+$/), recordedAt: expect.any(String) });
      expect(Date.parse(read.recordedAt)).not.toBeNaN();
      expect(await log.streamVersion(streamId)).toBe(1);
      expect(await log.streamVersion(newStream())).toBe(NEW_STREAM);
    });

    it('appends in version order, and reads only the events after a version for a writer catching up', async () => {
      const streamId = newStream();
      await log.append(appendTo(streamId, 0));
      const second = await log.append(appendTo(streamId, 1, [anEvent(), anEvent()]));

      expect(second.streamVersion).toBe(3);
      expect((await log.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2, 3]);
      expect((await log.readStream(streamId, { afterVersion: 1 })).map((event) => event.eventId)).toEqual(second.eventIds);
      expect(await log.readStream(streamId, { afterVersion: 3 })).toEqual([]);
    });

    it('refuses an append not at the stream\'s version, behind or ahead, and writes nothing', async () => {
      const streamId = newStream();
      await log.append(appendTo(streamId, NEW_STREAM));
      await expect(log.append(appendTo(streamId, NEW_STREAM))).rejects.toBeInstanceOf(StreamVersionConflict);
      await expect(log.append(appendTo(streamId, 5))).rejects.toBeInstanceOf(StreamVersionConflict);
      await expect(log.append(appendTo(newStream(), 1))).rejects.toBeInstanceOf(StreamVersionConflict);
      expect(await log.readStream(streamId)).toHaveLength(1);
    });

    it('lets exactly one of many concurrent writers take a version', async () => {
      const streamId = newStream();
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => log.append(appendTo(streamId, NEW_STREAM))));

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) expect(outcome.reason).toBeInstanceOf(StreamVersionConflict);
      expect(await log.readStream(streamId)).toHaveLength(1);
    });

    it('claims an idempotency key with the append: the key answers the first result, and refuses another request', async () => {
      const claim = { scope: 'POST /v1/meetings clerk-00295', key: randomUUID(), requestHash: 'hash-1' };
      const first = await log.append({ ...appendTo(newStream(), NEW_STREAM), idempotency: claim });

      expect(await log.findIdempotentResult(claim)).toEqual(first);
      await expect(log.findIdempotentResult({ ...claim, requestHash: 'another' })).rejects.toBeInstanceOf(IdempotencyKeyReused);
      expect(await log.findIdempotentResult({ ...claim, key: randomUUID() })).toBeUndefined();
      // The same key on an append that could go: the first answer, and nothing written.
      const elsewhere = newStream();
      expect(await log.append({ ...appendTo(elsewhere, NEW_STREAM), idempotency: claim })).toEqual(first);
      expect(await log.readStream(elsewhere)).toEqual([]);
    });

    it('checks every event against the contract before writing anything of its append', async () => {
      const streamId = newStream();
      const refused = log.append(appendTo(streamId, NEW_STREAM, [anEvent(), anEvent({ type: REFUSED_TYPE })]));
      await expect(refused).rejects.toBeInstanceOf(EventContractViolation);
      const many = log.appendMany([appendTo(newStream(), NEW_STREAM), appendTo(streamId, NEW_STREAM, [anEvent({ type: REFUSED_TYPE })])]);
      await expect(many).rejects.toBeInstanceOf(EventContractViolation);
      expect(await log.readStream(streamId)).toEqual([]);
    });

    it('refuses an event id already in the log, writing nothing of its append', async () => {
      const kept = anEvent();
      await log.append(appendTo(newStream(), NEW_STREAM, [kept]));
      const streamId = newStream();
      await expect(log.append(appendTo(streamId, NEW_STREAM, [anEvent(), { ...anEvent(), eventId: kept.eventId }]))).rejects.toThrow();
      expect(await log.readStream(streamId)).toEqual([]);
    });

    it('refuses an append of no events', async () => {
      await expect(log.append(appendTo(newStream(), NEW_STREAM, []))).rejects.toThrow('Nothing to append');
    });

    it('appends to many streams in one transaction, all or none', async () => {
      const [a, b, c] = [newStream(), newStream(), newStream()];
      await log.append(appendTo(b, NEW_STREAM));
      await expect(log.appendMany([appendTo(a, NEW_STREAM), appendTo(b, NEW_STREAM)])).rejects.toBeInstanceOf(StreamVersionConflict);
      expect(await log.readStream(a)).toEqual([]);

      const recorded = await log.appendMany([appendTo(a, NEW_STREAM, [anEvent(), anEvent()]), appendTo(b, 1), appendTo(c, NEW_STREAM)]);
      expect(recorded.map((event) => [event.streamId, event.streamVersion])).toEqual([[a, 1], [a, 2], [b, 2], [c, 1]]);
      expect(new Set(recorded.map((event) => event.transactionId)).size).toBe(1);
      expect(await log.appendMany([])).toEqual([]);
    });

    it("claims the first request's idempotency key with an append to many streams, and refuses it taken", async () => {
      const claim = { scope: 'POST /v1/commendations clerk-00295', key: randomUUID(), requestHash: 'hash-many' };
      const [main, reserved] = [newStream(), newStream()];
      const recorded = await log.appendMany([{ ...appendTo(main, NEW_STREAM), idempotency: claim }, appendTo(reserved, NEW_STREAM)]);

      const first = recorded.find((event) => event.streamId === main)!;
      expect(await log.findIdempotentResult(claim)).toEqual({ streamId: main, streamVersion: 1, eventIds: [first.eventId], position: first.position });
      const other = newStream();
      await expect(log.appendMany([{ ...appendTo(other, NEW_STREAM), idempotency: claim }])).rejects.toThrow();
      expect(await log.readStream(other)).toEqual([]);
    });

    it('reads the whole log in commit order after a checkpoint, a batch at a time', async () => {
      await log.append(appendTo(newStream(), NEW_STREAM));
      const tail = await readToEnd(log, LOG_START);
      const from = checkpointOf(tail[tail.length - 1]);
      const [x, y] = [newStream(), newStream()];
      const written = [
        ...(await log.readStream((await log.append(appendTo(x, NEW_STREAM))).streamId)),
        ...(await log.appendMany([appendTo(y, NEW_STREAM, [anEvent(), anEvent()]), appendTo(x, 1)])),
      ];

      const read = await readToEnd(log, from, 2);
      expect(read.map((event) => event.eventId)).toEqual(written.map((event) => event.eventId));
      expect(read.map((event) => event.position)).toEqual([...read.map((event) => event.position)].sort((p, q) => Number(BigInt(p) - BigInt(q))));
      expect(await log.readAfter(checkpointOf(read[read.length - 1]), 10)).toEqual([]);
    });

    it('follows the log for a reader and keeps its checkpoint, saved with a look or on its own', async () => {
      const reader = `follower-${randomUUID()}`;
      expect(await log.loadCheckpoint(reader)).toEqual(LOG_START);
      await log.append(appendTo(newStream(), NEW_STREAM));
      const tail = await readToEnd(log, LOG_START);
      const from = checkpointOf(tail[tail.length - 1]);
      const written = await log.appendMany([appendTo(newStream(), NEW_STREAM, [anEvent(), anEvent()])]);

      const first = await log.follow(from, 1);
      expect(first).toEqual({ events: [expect.objectContaining({ eventId: written[0].eventId })], heldBack: 0 });
      const seen = checkpointOf(first.events[0]);
      const second = await log.follow(seen, 10, { reader, checkpoint: seen });
      expect(second.events.map((event) => event.eventId)).toEqual([written[1].eventId]);
      expect(await log.loadCheckpoint(reader)).toEqual(seen);
      await log.saveCheckpoint(reader, checkpointOf(second.events[0]));
      expect(await log.loadCheckpoint(reader)).toEqual(checkpointOf(second.events[0]));
    });
  });
}

/** Every event after `from`, read `batch` at a time as a follower of the log would. */
export async function readToEnd(log: LogInOrder, from = LOG_START, batch = 1000): Promise<RecordedEvent[]> {
  const read: RecordedEvent[] = [];
  for (let after = from; ; ) {
    const next = await log.readAfter(after, batch);
    if (!next.length) return read;
    read.push(...next);
    after = checkpointOf(next[next.length - 1]);
  }
}
