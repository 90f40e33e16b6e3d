import { checkpointOf, EventLog, LOG_START, NEW_STREAM, partitionOf, RecordedEvent, ReplayableLog } from '@civic/event-store';
import { anEvent, appendTo, newStream, readToEnd, TEST_CONTRACT } from './event-log-contract';

/** A replayable log under test, beside the event log that writes what it reads (both over the same storage). */
export interface ReplayableLogUnderTest {
  readonly writer: EventLog;
  readonly replay: ReplayableLog;
  close(): Promise<void>;
}

/** What every ReplayableLog answers (a rebuild's replay), run against each implementation. */
export function replayableLogContract(name: string, setUp: (contract: typeof TEST_CONTRACT) => Promise<ReplayableLogUnderTest>): void {
  describe(`${name} keeps the ReplayableLog contract`, () => {
    let underTest: ReplayableLogUnderTest;

    beforeAll(async () => {
      underTest = await setUp(TEST_CONTRACT);
    });
    afterAll(() => underTest.close());

    it('answers the start of the log as its head while it is empty, then the last event a reader can take', async () => {
      const { writer, replay } = underTest;
      if ((await replay.readAfter(LOG_START, 1)).length === 0) expect(await replay.head()).toEqual(LOG_START);
      await writer.append(appendTo(newStream(), NEW_STREAM, [anEvent(), anEvent()]));
      const everything = await readToEnd(replay);
      expect(await replay.head()).toEqual(checkpointOf(everything[everything.length - 1]));
    });

    it('counts the events of the types asked for', async () => {
      const { writer, replay } = underTest;
      const before = await replay.countOfTypes(['MeetingPostponed', 'MeetingHeld']);
      await writer.appendMany([appendTo(newStream(), NEW_STREAM, [anEvent(), anEvent({ type: 'MeetingPostponed' })]), appendTo(newStream(), NEW_STREAM, [anEvent({ type: 'Other' })])]);
      expect(await replay.countOfTypes(['MeetingPostponed', 'MeetingHeld'])).toBe(before + 2);
      expect(await replay.countOfTypes(['NeverRecorded'])).toBe(0);
    });

    it('splits the log up to its head into partitions: each stream wholly in one, in commit order, every event once', async () => {
      const { writer, replay } = underTest;
      for (let stream = 0; stream < 12; stream += 1) {
        const streamId = newStream();
        for (let version = 0; version < 1 + (stream % 3); version += 1) await writer.append(appendTo(streamId, version));
      }
      const head = await replay.head();
      const everything = await readToEnd(replay);
      expect(checkpointOf(everything[everything.length - 1])).toEqual(head);
      // Appended after the head: no partition reads it.
      await writer.append(appendTo(newStream(), NEW_STREAM));

      const partitions: RecordedEvent[][] = [];
      for (let index = 0; index < 3; index += 1) partitions.push(await readToEnd(partitionOf(replay, { index, count: 3 }, head), LOG_START, 4));

      const commitOrder = (events: RecordedEvent[]) => events.map((e) => e.eventId).sort((a, b) => everything.findIndex((e) => e.eventId === a) - everything.findIndex((e) => e.eventId === b));
      for (const events of partitions) {
        expect(events.length).toBeGreaterThan(0);
        expect(events.map((e) => e.eventId)).toEqual(commitOrder(events));
      }
      const [first, second, third] = partitions.map((events) => new Set(events.map((e) => e.streamId)));
      expect([...first].filter((s) => second.has(s) || third.has(s))).toEqual([]);
      expect([...second].filter((s) => third.has(s))).toEqual([]);
      expect(partitions.flat().map((e) => e.eventId).sort()).toEqual(everything.map((e) => e.eventId).sort());
    });

    it('names no partition outside its count', () => {
      const { replay } = underTest;
      expect(() => partitionOf(replay, { index: 3, count: 3 }, LOG_START)).toThrow(RangeError);
      expect(() => partitionOf(replay, { index: 0, count: 0 }, LOG_START)).toThrow(RangeError);
      expect(() => partitionOf(replay, { index: 0.5, count: 2 }, LOG_START)).toThrow(RangeError);
    });
  });
}
