import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { asSuperuser, createTestDatabase, rewriteWithRecomputedHashes, TestDatabase } from '@civic/testing';
import { NewEvent } from '../../event-envelope';
import { ANY_EVENT } from '../../event-contract';
import { AnchorSigningKey, keyIdOf, SignedLogAnchor } from '../../integrity/log-anchor';
import { PostgresEventStore } from '../postgres-event-store';
import { AnchorVerifier } from './anchor-verifier';
import { ChainVerifier } from './chain-verifier';
import { LogAnchoring, storedAnchors } from './log-anchoring';

function newKey(): AnchorSigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, keyId: keyIdOf(privateKey) };
}

describe(LogAnchoring.name, () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const key = newKey();
  const trusted = new Map([[key.keyId, key.privateKey]]);
  /** What went to Kafka and the anchor file, in order: the copy kept outside the database. */
  let shipped: SignedLogAnchor[];
  const ship = async (signed: SignedLogAnchor) => {
    shipped.push(JSON.parse(JSON.stringify(signed)) as SignedLogAnchor);
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, ANY_EVENT);
    shipped = [];
  });
  afterEach(() => db.drop());

  const event = (title: string): NewEvent => ({
    eventId: randomUUID(),
    type: 'MeetingHeld',
    schemaVersion: 2,
    data: { title, attendance: { count: 120 } },
    metadata: { actor: { subject: 'clerk-00295', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() },
    occurredOn: '2021-01-12',
    unitCode: '00295',
  });

  /** Two streams: one of three versions, one of one. */
  async function recordHistory(): Promise<{ long: string; short: string }> {
    const long = `meeting-${randomUUID()}`;
    const short = `meeting-${randomUUID()}`;
    await store.append({ streamId: long, streamType: 'meeting', expectedVersion: 0, events: [event('Hội nghị tổng kết năm 2020')] });
    await store.append({ streamId: short, streamType: 'meeting', expectedVersion: 0, events: [event('Hội nghị cán bộ, công chức')] });
    await store.append({ streamId: long, streamType: 'meeting', expectedVersion: 1, events: [event('Đính chính lần 1'), event('Đính chính lần 2')] });
    return { long, short };
  }

  it('anchors every event in commit order, in anchors of at most the size given, each naming the one before', async () => {
    await recordHistory();
    const made = await new LogAnchoring(db.pool, key, 2).anchorPending(ship);

    expect(made.map((signed) => signed.anchor.events.length)).toEqual([2, 2]);
    expect(made[0].anchor).toMatchObject({ format: 'civic-records/log-anchor/v1', sequence: 1, previous: null, after: { transactionId: '0', position: '0' }, keyId: key.keyId });
    expect(made[1].anchor.after).toEqual(made[0].anchor.upTo);
    expect(shipped).toEqual(made);
    expect(await storedAnchors(db.pool)).toEqual(made);
    expect(await new LogAnchoring(db.pool, key, 2).anchorPending(ship)).toEqual([]);

    await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event('Hội nghị mới')] });
    const [next] = await new LogAnchoring(db.pool, key, 2).anchorPending(ship);
    expect(next.anchor).toMatchObject({ sequence: 3, after: made[1].anchor.upTo });
    expect(next.anchor.events).toHaveLength(1);
  });

  it('finds an untouched log intact against the anchors, and counts what is not yet anchored', async () => {
    await recordHistory();
    await new LogAnchoring(db.pool, key, 3).anchorPending(ship);
    await store.append({ streamId: `meeting-${randomUUID()}`, streamType: 'meeting', expectedVersion: 0, events: [event('Chưa ký')] });

    const report = await new AnchorVerifier(db.pool).verify(shipped, trusted);
    expect(report).toMatchObject({ intact: true, anchorsChecked: 2, eventsChecked: 4, notYetAnchored: 1, problems: [] });
  });

  it('names the event rewritten with every hash recomputed, which the hash chain alone finds intact', async () => {
    const { long } = await recordHistory();
    await new LogAnchoring(db.pool, key).anchorPending(ship);
    const [original] = (await db.pool.query<{ event_id: string }>('SELECT event_id FROM events WHERE stream_id = $1 AND stream_version = 2', [long])).rows;

    await rewriteWithRecomputedHashes(db.url, long, 2, { title: 'Đính chính lần 1', attendance: { count: 300 } });

    expect(await new ChainVerifier(db.pool).verify({ kind: 'log' })).toMatchObject({ intact: true, eventsChecked: 4 });
    const report = await new AnchorVerifier(db.pool).verify(shipped, trusted);
    expect(report.intact).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.event?.streamId, p.event?.streamVersion])).toEqual([
      ['event-rewritten', long, 2],
      ['event-rewritten', long, 3],
    ]);
    expect(report.problems[0].event?.eventId).toBe(original.event_id);
    expect(report.problems[0].explanation).toContain(`Version 2 of ${long}`);
    // The anchors the database keeps say the same: the attacker cannot re-sign them without the key.
    expect((await new AnchorVerifier(db.pool).verify(await storedAnchors(db.pool), trusted)).problems).toHaveLength(2);
  });

  it('names the newest version of a stream removed, which leaves a shorter chain that verifies', async () => {
    const { long } = await recordHistory();
    await new LogAnchoring(db.pool, key).anchorPending(ship);
    await asSuperuser(db.url, (client) => client.query('DELETE FROM events WHERE stream_id = $1 AND stream_version = 3', [long]).then(() => undefined));

    expect(await new ChainVerifier(db.pool).verify({ kind: 'log' })).toMatchObject({ intact: true });
    const { problems } = await new AnchorVerifier(db.pool).verify(shipped, trusted);
    expect(problems).toMatchObject([{ kind: 'event-removed', event: { streamId: long, streamVersion: 3 } }]);
  });

  it('names an event slipped into an anchored range', async () => {
    await recordHistory();
    const [anchor] = await new LogAnchoring(db.pool, key).anchorPending(ship);
    const slipped = `meeting-${randomUUID()}`;
    await asSuperuser(db.url, async (client) => {
      await client.query(
        `INSERT INTO events (global_position, transaction_id, stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata,
                             occurred_on, unit_code, content_hash, event_hash)
         OVERRIDING SYSTEM VALUE VALUES (0, $1::xid8, $2, 'meeting', 1, $3, 'MeetingHeld', 2, '{}', '{}', '2021-01-12', '00295', sha256('x'), sha256('y'))`,
        [anchor.anchor.upTo.transactionId, slipped, randomUUID()],
      );
    });
    const { problems } = await new AnchorVerifier(db.pool).verify(shipped, trusted);
    expect(problems).toMatchObject([{ kind: 'event-added', event: { streamId: slipped, position: '0' } }]);
  });

  it('relies on no anchor that was altered, removed or signed by a key it does not trust', async () => {
    await recordHistory();
    await new LogAnchoring(db.pool, key, 1).anchorPending(ship);
    const [first, second, ...rest] = shipped;
    const altered = { ...second, anchor: { ...second.anchor, events: [{ ...second.anchor.events[0], eventHash: 'ab'.repeat(32) }] } };
    const stranger = newKey();

    const report = await new AnchorVerifier(db.pool).verify([first, altered, ...rest], trusted);
    expect(report.problems.map((p) => [p.kind, p.sequence])).toEqual([
      ['anchor-forged', 2],
      ['anchor-missing', 2],
    ]);
    expect((await new AnchorVerifier(db.pool).verify([first, ...rest], trusted)).problems.map((p) => [p.kind, p.sequence])).toEqual([['anchor-missing', 2]]);
    expect((await new AnchorVerifier(db.pool).verify(shipped, new Map([[stranger.keyId, stranger.privateKey]]))).problems.every((p) => p.kind === 'anchor-forged')).toBe(true);
  });

  it('accepts the same range signed twice, as a crash between publishing and storing leaves it', async () => {
    await recordHistory();
    const crashBeforeStoring = async (signed: SignedLogAnchor) => {
      await ship(signed);
      throw new Error('the process died before storing it');
    };
    const anchoring = new LogAnchoring(db.pool, key);
    await expect(anchoring.anchorPending(crashBeforeStoring)).rejects.toThrow('died');
    await anchoring.anchorPending(ship);
    expect(shipped.map((s) => s.anchor.sequence)).toEqual([1, 1]);
    expect(await new AnchorVerifier(db.pool).verify(shipped, trusted)).toMatchObject({ intact: true, anchorsChecked: 1, eventsChecked: 4 });
  });

  it('keeps the stored anchors append-only', async () => {
    await recordHistory();
    await new LogAnchoring(db.pool, key).anchorPending(ship);
    await expect(db.pool.query('UPDATE log_anchors SET events = 0')).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM log_anchors')).rejects.toThrow(/append-only/);
  });

  it('checks one record against the anchors that list it: intact, then its rewritten versions named, another record untouched', async () => {
    const { long, short } = await recordHistory();
    await new LogAnchoring(db.pool, key, 2).anchorPending(ship);
    const verifier = new AnchorVerifier(db.pool);
    expect(await verifier.verifyStream(long, trusted)).toEqual({ intact: true, anchorsChecked: 2, eventsAnchored: 3, notYetAnchored: 0, problems: [] });

    await store.append({ streamId: long, streamType: 'meeting', expectedVersion: 3, events: [event('Đính chính lần 3')] });
    expect(await verifier.verifyStream(long, trusted)).toMatchObject({ intact: true, eventsAnchored: 3, notYetAnchored: 1 });

    await rewriteWithRecomputedHashes(db.url, long, 2, { title: 'Đính chính lần 1', attendance: { count: 300 } });
    const rewritten = await verifier.verifyStream(long, trusted);
    expect(rewritten.problems.map((p) => [p.kind, p.event?.streamVersion])).toEqual([
      ['event-rewritten', 2],
      ['event-rewritten', 3],
    ]);
    expect(await verifier.verifyStream(short, trusted)).toMatchObject({ intact: true, eventsAnchored: 1 });
    // Under keys it does not trust, no anchor counts, and the record's events stand unanchored.
    const untrusted = await verifier.verifyStream(long, new Map());
    expect(untrusted.intact).toBe(false);
    expect(untrusted.problems.filter((p) => p.kind === 'anchor-forged')).toHaveLength(2);
  });

  it('reports a record whose anchors were taken out of the index as unanchored, never intact', async () => {
    const { short } = await recordHistory();
    await new LogAnchoring(db.pool, key).anchorPending(ship);
    await asSuperuser(db.url, (client) => client.query('DELETE FROM log_anchored_streams WHERE stream_id = $1', [short]).then(() => undefined));
    const report = await new AnchorVerifier(db.pool).verifyStream(short, trusted);
    expect(report).toMatchObject({ intact: false, anchorsChecked: 0, problems: [{ kind: 'event-added', event: { streamId: short, streamVersion: 1 } }] });
  });
});
