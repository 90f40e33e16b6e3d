import { NewEvent } from './event-envelope';
import { PreparedAppend } from './event-rows';
import { StreamVersionConflict } from './event-store.errors';
import { AppendAtEnd, AppendsAtStreamEnd, EndAppendResult, StreamEndWriting } from './stream-end-appends';

/**
 * The queue's own rules, against a log kept in a map: what Postgres decides (the version check, the rows) is in
 * stream-end-appends.int-spec.ts.
 */
class StreamsInMemory implements StreamEndWriting<string> {
  readonly versions = new Map<string, number>();
  readonly appends: PreparedAppend[] = [];
  headReads = 0;
  /** Versions another process appends just before each of our next commits. */
  movedByOthers: number[] = [];

  async head(streamId: string): Promise<number> {
    this.headReads += 1;
    return this.versions.get(streamId) ?? 0;
  }

  async commit(append: PreparedAppend): Promise<readonly string[]> {
    this.appends.push(append);
    const current = (this.versions.get(append.streamId) ?? 0) + (this.movedByOthers.shift() ?? 0);
    this.versions.set(append.streamId, current);
    if (current !== append.expectedVersion) throw new StreamVersionConflict(append.streamId, append.expectedVersion);
    this.versions.set(append.streamId, current + append.events.length);
    return append.events.map((_, i) => `${append.streamId}@${current + i + 1}`);
  }

  async commitClaiming(): Promise<EndAppendResult> {
    throw new Error('not used here');
  }
}

const anEvent = (n: number): NewEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'UnitChanged',
  schemaVersion: 1,
  data: { n },
  metadata: { actor: { subject: 'importer', roles: [] }, correlationId: 'c', causationId: 'c', commandId: 'c' },
  occurredOn: '2025-07-01',
  unitCode: '00295',
});

const request = (streamId: string, events: number, streamType = 'unit'): AppendAtEnd<string> => ({
  streamId,
  streamType,
  events: Array.from({ length: events }, (_, i) => anEvent(i)),
});

describe(AppendsAtStreamEnd.name, () => {
  it('sends one append per stream at a time; what arrives meanwhile goes together, up to maxEvents', async () => {
    const log = new StreamsInMemory();
    const queue = new AppendsAtStreamEnd(log, { maxEvents: 5 });
    const results = await Promise.all([queue.submit(request('s', 2)), queue.submit(request('s', 2)), queue.submit(request('s', 2)), queue.submit(request('s', 1))]);

    expect(log.appends.map((a) => [a.expectedVersion, a.events.length])).toEqual([
      [0, 4],
      [4, 3],
    ]);
    expect(results.map((r) => [r.streamVersion, r.position])).toEqual([
      [2, 's@2'],
      [4, 's@4'],
      [6, 's@6'],
      [7, 's@7'],
    ]);
  });

  it('never puts two stream types in one append', async () => {
    const log = new StreamsInMemory();
    const queue = new AppendsAtStreamEnd(log);
    await Promise.all([queue.submit(request('s', 1, 'unit')), queue.submit(request('s', 1, 'registry')), queue.submit(request('s', 1, 'registry'))]);

    expect(log.appends.map((a) => [a.streamType, a.events.length])).toEqual([
      ['unit', 1],
      ['registry', 2],
    ]);
  });

  it('remembers the heads of the most recently used streams only', async () => {
    const log = new StreamsInMemory();
    const queue = new AppendsAtStreamEnd(log, { rememberedHeads: 2 });
    for (const streamId of ['a', 'b', 'a', 'c', 'a', 'b']) await queue.submit(request(streamId, 1));

    // a, b and c are read once each; b again after c pushed it out, while a stayed in use.
    expect(log.headReads).toBe(4);
    expect([...log.versions]).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
  });

  it('decides again on a head read anew when the stream moved, and refuses after the last attempt', async () => {
    const log = new StreamsInMemory();
    const queue = new AppendsAtStreamEnd(log, { attempts: 3 });
    await queue.submit(request('s', 1));

    log.movedByOthers = [1, 1];
    await expect(queue.submit(request('s', 1))).resolves.toMatchObject({ streamVersion: 4 });

    log.movedByOthers = [1, 1, 1];
    await expect(queue.submit(request('s', 1))).rejects.toBeInstanceOf(StreamVersionConflict);
    expect(log.versions.get('s')).toBe(7);
  });
});
