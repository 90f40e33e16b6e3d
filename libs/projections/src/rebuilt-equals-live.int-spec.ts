import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  commendationDecider,
  commendationProposalDecider,
  commendationProposalStreamId,
  commendationStreamId,
  CommendationGrantedData,
  meetingDecider,
  MeetingHeldData,
  movementDecider,
  movementStreamId,
  UnitsOnDate,
} from '@civic/domain';
import {
  CommandProcessor,
  commendationProposalStream,
  commendationStream,
  EVENT_COLUMNS,
  EventRow,
  GapFreeLogReader,
  inTransaction,
  meetingStream,
  meetingStreamId,
  movementStream,
  PostgresEventStore,
  toRecordedEvent,
} from '@civic/event-store';
import { allTopics, LogToKafkaRelay, PublishedEventContract } from '@civic/messaging';
import { createTestDatabase, testKafka, testNamespace, TestDatabase, waitFor } from '@civic/testing';
import { KafkaProjector } from './runner/kafka-projector';
import { claimReplayedStreams, ProjectionRunner } from './runner/projection-runner';
import { DeadLetterWriter } from './runner/dead-letters/dead-letter-store';
import { applyInOwnTransaction, rebuildFromLog } from './runner/rebuild-from-log';
import { createShadowSchema, SHADOW_SCHEMA } from './rebuild/shadow-schema';
import { ShadowRebuild } from './rebuild/shadow-rebuild';
import { ALL_PROJECTIONS } from './index';

const UNITS: UnitsOnDate = {
  '00238': { code: '00238', level: 'COMMUNE', name: 'Phường Khương Thượng', type: 'Phường', provinceCode: '01' },
  '006': { code: '006', level: 'DISTRICT', name: 'Quận Đống Đa', type: 'Quận', provinceCode: '01' },
};
const READ_MODELS = ['rm_meetings', 'rm_commendations', 'rm_movements', 'rm_movement_reviews', 'rm_commendation_proposals', 'projected_streams'];

/** Every read-model row, in a stable order, as comparable text. */
async function snapshot(db: TestDatabase | Pool): Promise<Record<string, string[]>> {
  const pool = db instanceof Pool ? db : db.pool;
  const tables: Record<string, string[]> = {};
  for (const table of READ_MODELS) {
    const { rows } = await pool.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
}

/**
 * Runs `work` on empty copies of the read models in the shadow schema of `db`, beside its log and dead letters, as a
 * rebuild does (claims of a replay are taken from the log, so the two must share a database).
 */
async function inShadowOf(db: TestDatabase, work: (shadow: Pool) => Promise<void>): Promise<void> {
  await inTransaction(db.pool, (client) => createShadowSchema(client, ALL_PROJECTIONS.flatMap((p) => p.tables)));
  const shadow = new Pool({ connectionString: db.url, max: 2, options: `-c search_path=${SHADOW_SCHEMA},public` });
  try {
    await work(shadow);
  } finally {
    await shadow.end();
    await db.pool.query(`DROP SCHEMA ${SHADOW_SCHEMA} CASCADE`);
  }
}

describe('Read models: rebuilt from the log equals live, delivered twice counts once', () => {
  let live: TestDatabase;
  let rebuilt: TestDatabase;
  let relay: LogToKafkaRelay;
  let projector: KafkaProjector;
  const prefix = testNamespace();

  beforeAll(async () => {
    live = await createTestDatabase();
    rebuilt = await createTestDatabase();
    const processor = new CommandProcessor(new PostgresEventStore(live.pool, new PublishedEventContract()));
    const context = () => ({
      metadata: { actor: { subject: 'test', roles: [] }, correlationId: randomUUID(), causationId: 'c', commandId: 'c' },
      newEventId: randomUUID,
    });
    const metadata = { receivedOn: '2026-11-23', units: UNITS };
    const granted: CommendationGrantedData[] = [];
    for (let n = 0; n < 6; n += 1) {
      const meeting: MeetingHeldData = {
        meetingId: randomUUID(),
        unitCode: '00238',
        kind: n % 2 ? 'GIAO_BAN' : 'HOI_NGHI_TONG_KET',
        title: `Họp số ${n}`,
        heldOn: `2021-0${1 + n}-15`,
        venue: null,
        convenedBy: [{ body: 'UBND', unitCode: '00238' }],
        chairs: [],
        guests: [],
        subjectTerm: null,
        theme: null,
        reports: [],
        indicators: [],
        source: null,
        attendeeCount: { value: 20 + n, qualifier: 'EXACT' },
        reviewYear: null,
        planYear: null,
      };
      await processor.handle(meetingDecider, meetingStream, meetingStreamId(meeting.meetingId), { type: 'RecordMeeting', data: meeting, metadata }, context());
      if (n === 0) {
        const corrected = { ...meeting, attendeeCount: { value: 99, qualifier: 'APPROX' as const } };
        await processor.handle(meetingDecider, meetingStream, meetingStreamId(meeting.meetingId), { type: 'CorrectMeeting', data: { reason: 'sai số', meeting: corrected }, metadata }, context());
      }
      const commendationId = randomUUID();
      const grant: Omit<CommendationGrantedData, 'regime'> = {
        commendationId,
        award: n % 2 ? { form: 'GIAY_KHEN' } : { title: 'THON_TDP_VAN_HOA' },
        commendationType: 'CONG_TRANG',
        issuer: { body: 'UBND', unitCode: n % 2 ? '00238' : '006' },
        jointIssuers: [],
        proposer: null,
        grantedOn: '2021-01-28',
        grantedOnPrecision: 'DAY',
        forYear: 2020,
        decisionNumber: null,
        recipients: n % 2 ? { individuals: { names: ['Nguyễn Văn An'] } } : { collectives: { count: n + 1, qualifier: 'EXACT' } },
        reason: 'Thành tích năm 2020',
        posthumous: false,
        meetingId: meeting.meetingId,
        movementId: null,
      };
      await processor.handle(commendationDecider, commendationStream, commendationStreamId(commendationId), { type: 'GrantCommendation', data: grant, metadata }, context());
      granted.push({ ...grant, regime: 'A' });
      if (n === 1) {
        await processor.handle(commendationDecider, commendationStream, commendationStreamId(commendationId), { type: 'RevokeCommendation', data: { commendationId, revokedOn: '2021-05-01', reason: 'thu hồi' }, metadata: { receivedOn: '2026-11-23' } }, context());
      }
    }
    // Three proposals of the ward to the district: one answered by the district's grant, one refused, one open.
    for (const answer of ['GRANTED', 'REFUSED', null] as const) {
      const proposalId = randomUUID();
      const stream = commendationProposalStreamId(proposalId);
      const proposal = { proposalId, proposer: { body: 'UBND', unitCode: '00238' }, proposedTo: { body: 'UBND', unitCode: '006' }, proposedOn: '2021-01-10', proposedOnPrecision: 'DAY',
        award: { title: 'THON_TDP_VAN_HOA' }, forYear: 2020, recipients: { collectives: { count: 1, qualifier: 'EXACT' } }, reason: 'Đề nghị công nhận', meetingId: null } as const;
      await processor.handle(commendationProposalDecider, commendationProposalStream, stream, { type: 'ProposeCommendation', data: proposal, metadata }, context());
      if (!answer) continue;
      const decision = answer === 'GRANTED'
        ? { proposalId, decidedBy: proposal.proposedTo, decidedOn: '2021-01-28', outcome: 'GRANTED', commendationId: granted[0].commendationId } as const
        : { proposalId, decidedBy: proposal.proposedTo, decidedOn: '2021-02-01', outcome: 'REFUSED', reason: 'Chưa đủ điều kiện' } as const;
      await processor.handle(commendationProposalDecider, commendationProposalStream, stream, { type: 'DecideProposal', data: decision, metadata: { receivedOn: '2026-11-23', grant: granted[0] } }, context());
    }
    const movementId = randomUUID();
    await processor.handle(movementDecider, movementStream, movementStreamId(movementId), {
      type: 'LaunchEmulationMovement',
      data: { movementId, name: 'Phong trào thi đua năm 2021', kind: 'PHONG_TRAO', form: 'THUONG_XUYEN', scope: 'DIA_PHUONG', launchedBy: { body: 'UBND', unitCode: '00238' }, launchedOn: '2021-01-28', period: { from: '2021-01-01', to: '2021-12-31' }, criteria: [], parentMovementId: null, meetingId: null },
      metadata,
    }, context());
    await processor.handle(movementDecider, movementStream, movementStreamId(movementId), { type: 'ReviewEmulationMovement', data: { movementId, reviewKind: 'TONG_KET', reviewedOn: '2022-01-10', meetingId: null, findings: null }, metadata: { receivedOn: '2026-11-23' } }, context());
  });

  afterAll(async () => {
    await projector?.stop();
    await relay?.stop();
    await live.drop();
    await rebuilt.drop();
  });

  const startRelay = () => {
    relay = new LogToKafkaRelay(live.pool, testKafka('rebuild-relay'), {
      name: 'event-relay',
      databaseUrl: live.url,
      batchSize: 7,
      pollIntervalMs: 100,
      standbyRetryMs: 100,
      topicPrefix: prefix,
    });
    relay.start();
  };
  const logSize = async () => Number((await live.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const projectedEverything = async () => {
    const { rows } = await live.pool.query('SELECT coalesce(sum(next_offset), 0)::int AS n FROM projection_offsets');
    return rows[0].n;
  };

  it('projects the log live through the relay and Kafka, and the same code rebuilt from the log gives the same rows', async () => {
    startRelay();
    projector = new KafkaProjector(live.pool, testKafka('rebuild-projector'), new ProjectionRunner(ALL_PROJECTIONS), {
      groupId: `${prefix}projector`,
      topics: allTopics(prefix),
    });
    await projector.start();
    const total = await logSize();
    await waitFor('the live projector to apply every event', async () => (await projectedEverything()) === total, { timeoutMs: 30_000 });

    expect(await rebuildFromLog(new GapFreeLogReader(live.pool), rebuilt.pool, new ProjectionRunner(ALL_PROJECTIONS), { batchSize: 5 })).toBe(total);
    const liveRows = await snapshot(live);
    expect(liveRows.rm_meetings).toHaveLength(6);
    expect(liveRows.rm_commendations).toHaveLength(6);
    expect(liveRows.rm_movement_reviews).toHaveLength(1);
    expect(liveRows.rm_commendation_proposals.map((row) => JSON.parse(row).status).sort()).toEqual(['GRANTED', 'PROPOSED', 'REFUSED']);
    expect(await snapshot(rebuilt)).toEqual(liveRows);
  });

  it('gives the same rows applied event by event (time travel, parked-failure retries) as in batches', async () => {
    const oneByOne = await createTestDatabase();
    try {
      const runner = new ProjectionRunner(ALL_PROJECTIONS);
      const { rows } = await live.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY transaction_id, global_position`);
      for (const row of rows) await inTransaction(oneByOne.pool, (client) => runner.apply(client, [toRecordedEvent(row)]));
      expect(await snapshot(oneByOne)).toEqual(await snapshot(live));
    } finally {
      await oneByOne.drop();
    }
  });

  it('gives the same rows and stream versions replayed as a rebuild does: new rows copied, claims taken from the log at the end', async () => {
    await inShadowOf(live, async (shadow) => {
      // Batches of two: a stream's events (a meeting and its correction) are applied in different batches.
      const total = await logSize();
      expect(await rebuildFromLog(new GapFreeLogReader(live.pool), shadow, new ProjectionRunner(ALL_PROJECTIONS, 'replay'), { batchSize: 2 })).toBe(total);
      expect(Number((await shadow.query('SELECT count(*) FROM projected_streams')).rows[0].count)).toBe(0);
      await claimReplayedStreams(shadow, ALL_PROJECTIONS, await new GapFreeLogReader(live.pool).head());
      expect(await snapshot(shadow)).toEqual(await snapshot(live));
    });
  });

  it('applies a replayed batch that meets a row already there event by event, and changes nothing', async () => {
    await inShadowOf(live, async (shadow) => {
      const runner = new ProjectionRunner(ALL_PROJECTIONS, 'replay');
      await rebuildFromLog(new GapFreeLogReader(live.pool), shadow, runner);
      const { rows } = await live.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_type = 'MeetingHeld' ORDER BY global_position LIMIT 1`);
      const before = await snapshot(shadow);
      // COPY refuses the meeting that is there already; the batch then goes one event at a time, with ON CONFLICT.
      await applyInOwnTransaction(shadow, runner, rows.map(toRecordedEvent));
      const after = await snapshot(shadow);
      expect(after.rm_meetings).toEqual(before.rm_meetings);
      // Only the one-by-one way claims as it goes: the replay's batches claimed nothing.
      expect(before.projected_streams).toEqual([]);
      expect(after.projected_streams.map((row) => JSON.parse(row))).toEqual([
        { projection: 'meetings', stream_id: rows[0].stream_id, stream_version: 1, global_position: Number(rows[0].position) },
      ]);
    });
  });

  it('holds a stream with a parked event out of a replay, and claims nothing of it', async () => {
    const { rows } = await live.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_type IN ('MeetingHeld', 'MeetingCorrected') ORDER BY global_position`);
    const events = rows.map(toRecordedEvent);
    const corrected = events.find((event) => event.type === 'MeetingCorrected')!;
    const parked = events.find((event) => event.streamId === corrected.streamId && event.type === 'MeetingHeld')!;
    try {
      await inShadowOf(live, async (shadow) => {
        await new DeadLetterWriter(live.pool).park('meetings', parked, new Error('a poison event'));
        const runner = new ProjectionRunner(ALL_PROJECTIONS, 'replay');
        expect(await inTransaction(shadow, (client) => runner.apply(client, events))).toBe(events.length - 2);
        await claimReplayedStreams(shadow, ALL_PROJECTIONS, await new GapFreeLogReader(live.pool).head());
        const { rows: streams } = await shadow.query<{ stream_id: string }>(`SELECT stream_id FROM projected_streams WHERE projection = 'meetings'`);
        expect(streams).toHaveLength(new Set(events.map((event) => event.streamId)).size - 1);
        expect(streams.map((row) => row.stream_id)).not.toContain(corrected.streamId);
        const { rows: waiting } = await live.pool.query('SELECT stream_version, status FROM projection_dead_letters ORDER BY stream_version');
        expect(waiting).toEqual([{ stream_version: parked.streamVersion, status: 'PARKED' }, { stream_version: corrected.streamVersion, status: 'WAITING' }]);
      });
    } finally {
      // The dead letters are the live database's own: the live projector must not find the stream held.
      await live.pool.query('DELETE FROM projection_dead_letters WHERE stream_id = $1', [corrected.streamId]);
    }
  });

  it('rebuilds in replay threads, each taking a partition of the streams, into the same rows and stream versions as live', async () => {
    const before = await snapshot(live);
    const { rows } = await live.pool.query('SELECT count(*)::int AS n FROM events WHERE event_type = ANY($1)', [ALL_PROJECTIONS.flatMap((p) => p.eventTypes)]);
    // Three threads for a log of a dozen streams: every partition has streams, some with more than one event.
    const report = await new ShadowRebuild(live.url, ALL_PROJECTIONS, { threads: 3 }).run();
    expect(report.events).toBe(rows[0].n);
    expect(await snapshot(live)).toEqual(before);
    // Swapped in with statistics (a table never analyzed has reltuples -1): exact, as ANALYZE reads all of small tables.
    const { rows: estimated } = await live.pool.query(`SELECT relname, reltuples::int AS rows FROM pg_class WHERE oid = ANY(ARRAY['public.rm_meetings', 'public.projected_streams']::regclass[]) ORDER BY relname`);
    expect(estimated).toEqual([{ relname: 'projected_streams', rows: before.projected_streams.length }, { relname: 'rm_meetings', rows: before.rm_meetings.length }]);
  });

  it('counts an event once when a batch holds it twice, and not at all when it was applied before', async () => {
    const twice = await createTestDatabase();
    try {
      const runner = new ProjectionRunner(ALL_PROJECTIONS);
      const { rows } = await live.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_type = 'MeetingCorrected' OR stream_id IN
                                                          (SELECT stream_id FROM events WHERE event_type = 'MeetingCorrected') ORDER BY global_position`);
      const [held, corrected] = rows.map(toRecordedEvent);
      expect(await inTransaction(twice.pool, (client) => runner.apply(client, [held, corrected, held, corrected]))).toBe(2);
      expect(await inTransaction(twice.pool, (client) => runner.apply(client, [corrected]))).toBe(0);
      const { rows: meetings } = await twice.pool.query('SELECT corrections, attendee_count FROM rm_meetings');
      expect(meetings).toEqual([{ corrections: 1, attendee_count: 99 }]);

      // Eleven more corrections in one batch apply in stream order: the last one stands.
      const later = Array.from({ length: 11 }, (_, n) => {
        const data = corrected.data as { meeting: MeetingHeldData };
        return { ...corrected, streamVersion: corrected.streamVersion + n + 1, data: { ...data, meeting: { ...data.meeting, attendeeCount: { value: 100 + n, qualifier: 'EXACT' } } } };
      });
      expect(await inTransaction(twice.pool, (client) => runner.apply(client, later))).toBe(11);
      const { rows: after } = await twice.pool.query('SELECT corrections, attendee_count FROM rm_meetings');
      expect(after).toEqual([{ corrections: 12, attendee_count: 110 }]);
    } finally {
      await twice.drop();
    }
  });

  it('counts nothing twice when the relay publishes the whole log again (a crash before its checkpoint)', async () => {
    const before = await snapshot(live);
    await relay.stop();
    await live.pool.query(`DELETE FROM log_checkpoints WHERE reader = 'event-relay'`);
    const total = await logSize();
    startRelay();
    await waitFor('every event to be delivered a second time', async () => (await projectedEverything()) === 2 * total, { timeoutMs: 30_000 });
    expect(await snapshot(live)).toEqual(before);
    expect(relay.status().lastFailure).toBeNull();
  });
});
