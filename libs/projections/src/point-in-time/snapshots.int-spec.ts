import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Pool } from 'pg';
import { ANY_EVENT, AppendRequest, NewEvent, PostgresEventStore } from '@civic/event-store';
import { createTestDatabase, TestDatabase } from '@civic/testing';
import { adminUnitsProjection, commendationsProjection, meetingsProjection, movementsProjection } from '../index';
import { ProjectionRunner } from '../runner/projection-runner';
import { ShadowRebuild } from '../rebuild/shadow-rebuild';
import { ReadModelsAt, ReadModelView } from './read-models-at';
import { ReadModelSnapshots, snapshotterPool as snapshotPool } from './read-model-snapshots';
import { viewAsOfSnapshot } from './snapshot-view';
import { snapshotTables, SNAPSHOT_SCHEMA } from './snapshot-tables';

const CIVIC = [meetingsProjection, commendationsProjection, movementsProjection];
const UNITS = ['00001', '00004', '00007'];

/** One fact of a generated history; `target` picks an earlier record of its kind, if there is one. */
type Fact =
  | { kind: 'meeting'; unit: number; year: number; attendees: number | null }
  | { kind: 'correction'; target: number; unit: number; attendees: number | null }
  | { kind: 'grant'; unit: number; joint: number | null; year: number }
  | { kind: 'revocation'; target: number }
  | { kind: 'movement'; unit: number; year: number }
  | { kind: 'review'; target: number; concluded: boolean };

/** A step: facts appended in one transaction, then, maybe, the snapshotter catching up, a snapshot per so many events. */
type Step = { facts: Fact[]; snapshotEvery: number | null };

const unit = fc.integer({ min: 0, max: UNITS.length - 1 });
const year = fc.integer({ min: 2021, max: 2022 });
const attendees = fc.option(fc.integer({ min: 1, max: 500 }));
const target = fc.nat(20);
const fact: fc.Arbitrary<Fact> = fc.oneof(
  fc.record({ kind: fc.constant('meeting' as const), unit, year, attendees }),
  fc.record({ kind: fc.constant('correction' as const), target, unit, attendees }),
  fc.record({ kind: fc.constant('grant' as const), unit, joint: fc.option(unit), year }),
  fc.record({ kind: fc.constant('revocation' as const), target }),
  fc.record({ kind: fc.constant('movement' as const), unit, year }),
  fc.record({ kind: fc.constant('review' as const), target, concluded: fc.boolean() }),
);
const step: fc.Arbitrary<Step> = fc.record({
  facts: fc.array(fact, { minLength: 1, maxLength: 3 }),
  snapshotEvery: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 2 }),
});

const metadata = () => ({ actor: { subject: 'clerk', roles: ['ward-clerk'] }, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() });
const event = (type: string, schemaVersion: number, data: Record<string, unknown>, occurredOn: string, unitCode: string): NewEvent => ({
  eventId: randomUUID(), type, schemaVersion, data, metadata: metadata(), occurredOn, unitCode,
});

function meeting(meetingId: string, unitCode: string, heldOn: string, count: number | null) {
  return {
    meetingId, unitCode, kind: 'HOI_NGHI_TONG_KET', title: `Hội nghị tổng kết ${heldOn}`, heldOn, venue: null,
    convenedBy: [{ body: 'UBND', unitCode }], chairs: [], guests: [], attendeeCount: count === null ? null : { value: count, qualifier: 'EXACT' },
    reviewYear: null, planYear: null, subjectTerm: null, theme: null, reports: [], indicators: [], source: null,
  };
}

/** Turns facts into appends, remembering the records made so far and their versions. */
class History {
  private readonly meetings: { id: string; unit: string; heldOn: string; version: number }[] = [];
  private readonly grants: { id: string; unit: string; version: number }[] = [];
  private readonly movements: { id: string; unit: string; version: number }[] = [];

  /** One transaction's appends: a fact about a record already written to in it is left out (one append per stream). */
  appendsFor(facts: readonly Fact[]): AppendRequest[] {
    const touched = new Set<string>();
    const appends: AppendRequest[] = [];
    for (const f of facts) {
      const request = this.appendFor(f, touched);
      if (request) {
        touched.add(request.streamId);
        appends.push(request);
      }
    }
    return appends;
  }

  /** The record a fact is about: an earlier one of its kind not yet written to in this transaction. */
  private pick<R extends { id: string }>(records: R[], index: number, touched: ReadonlySet<string>, streamOf: (id: string) => string): R | undefined {
    const record = records[index % Math.max(1, records.length)];
    return record && !touched.has(streamOf(record.id)) ? record : undefined;
  }

  private appendFor(f: Fact, touched: ReadonlySet<string>): AppendRequest | undefined {
    switch (f.kind) {
      case 'meeting': {
        const record = { id: randomUUID(), unit: UNITS[f.unit], heldOn: `${f.year}-03-0${1 + f.unit}`, version: 1 };
        this.meetings.push(record);
        return { streamId: `meeting-${record.id}`, streamType: 'meeting', expectedVersion: 0, events: [event('MeetingHeld', 2, meeting(record.id, record.unit, record.heldOn, f.attendees), record.heldOn, record.unit)] };
      }
      case 'correction': {
        const record = this.pick(this.meetings, f.target, touched, (id) => `meeting-${id}`);
        if (!record) return undefined;
        record.unit = UNITS[f.unit];
        record.version += 1;
        const data = { meetingId: record.id, reason: 'Sửa lại', meeting: meeting(record.id, record.unit, record.heldOn, f.attendees) };
        return { streamId: `meeting-${record.id}`, streamType: 'meeting', expectedVersion: record.version - 1, events: [event('MeetingCorrected', 2, data, record.heldOn, record.unit)] };
      }
      case 'grant': {
        const record = { id: randomUUID(), unit: UNITS[f.unit], version: 1 };
        this.grants.push(record);
        const data = {
          commendationId: record.id, award: { form: 'GIAY_KHEN' }, commendationType: 'CONG_TRANG', issuer: { body: 'UBND', unitCode: record.unit },
          jointIssuers: f.joint === null ? [] : [{ body: 'UB_MTTQ', unitCode: UNITS[f.joint] }], proposer: null, grantedOn: `${f.year}-01-15`, forYear: f.year,
          decisionNumber: '12/QĐ-UBND', recipients: { collectives: { count: 2 }, individuals: { names: ['Nguyễn Văn An'] } }, reason: 'Thành tích xuất sắc',
          posthumous: false, meetingId: null, movementId: null, regime: 'A',
        };
        return { streamId: `commendation-${record.id}`, streamType: 'commendation', expectedVersion: 0, events: [event('CommendationGranted', 1, data, `${f.year}-01-15`, record.unit)] };
      }
      case 'revocation': {
        const record = this.pick(this.grants, f.target, touched, (id) => `commendation-${id}`);
        if (!record) return undefined;
        record.version += 1;
        const data = { commendationId: record.id, revokedOn: '2023-02-01', reason: 'Thu hồi', unitCode: record.unit };
        return { streamId: `commendation-${record.id}`, streamType: 'commendation', expectedVersion: record.version - 1, events: [event('CommendationRevoked', 1, data, '2023-02-01', record.unit)] };
      }
      case 'movement': {
        const record = { id: randomUUID(), unit: UNITS[f.unit], version: 1 };
        this.movements.push(record);
        const data = {
          movementId: record.id, name: `Phong trào ${f.year}`, kind: 'PHONG_TRAO', form: 'THUONG_XUYEN', scope: 'DIA_PHUONG', launchedBy: { body: 'UBND', unitCode: record.unit },
          launchedOn: `${f.year}-02-15`, period: { from: `${f.year}-01-01`, to: `${f.year}-12-31` }, criteria: ['Hoàn thành nhiệm vụ'], parentMovementId: null, meetingId: null,
        };
        return { streamId: `emulation-movement-${record.id}`, streamType: 'emulation-movement', expectedVersion: 0, events: [event('EmulationMovementLaunched', 1, data, `${f.year}-02-15`, record.unit)] };
      }
      case 'review': {
        const record = this.pick(this.movements, f.target, touched, (id) => `emulation-movement-${id}`);
        if (!record) return undefined;
        record.version += 1;
        const reviewedOn = `2023-0${1 + (record.version % 9)}-10`;
        const data = { movementId: record.id, reviewKind: f.concluded ? 'TONG_KET' : 'SO_KET', reviewedOn, meetingId: null, findings: null, unitCode: record.unit };
        return { streamId: `emulation-movement-${record.id}`, streamType: 'emulation-movement', expectedVersion: record.version - 1, events: [event('EmulationMovementReviewed', 1, data, reviewedOn, record.unit)] };
      }
    }
  }
}

/** Every row of every civic read model, in a stable order. */
async function everyRow(view: ReadModelView): Promise<Record<string, unknown[]>> {
  await view.include(UNITS);
  const read = async (sql: string) => (await view.sql.query(sql)).rows;
  return {
    meetings: await read('SELECT * FROM rm_meetings ORDER BY meeting_id'),
    commendations: await read('SELECT * FROM rm_commendations ORDER BY commendation_id'),
    movements: await read('SELECT * FROM rm_movements ORDER BY movement_id'),
    reviews: await read('SELECT * FROM rm_movement_reviews ORDER BY movement_id, review_kind, reviewed_on'),
  };
}

/** Moments to ask about: before anything, at and just after each transaction's recording, and now. */
async function momentsOf(pool: Pool): Promise<Date[]> {
  const { rows } = await pool.query<{ at: Date }>('SELECT DISTINCT recorded_at AS at FROM events ORDER BY 1');
  const moments = rows.flatMap(({ at }) => [at, new Date(at.getTime() - 1)]);
  return [new Date(0), ...moments, new Date()];
}

describe('Time travel from snapshots of the read models', () => {
  let database: TestDatabase | undefined;
  const freshDatabase = async (): Promise<TestDatabase> => {
    await dropDatabase();
    database = await createTestDatabase();
    return database;
  };
  const dropDatabase = async () => {
    await database?.drop();
    database = undefined;
  };
  afterEach(dropDatabase);

  it('answers, for any history and any moment, what a replay of the whole log up to that moment answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const database = await freshDatabase();
        const snapshots = snapshotPool(database.url);
        try {
          const store = new PostgresEventStore(database.pool, ANY_EVENT);
          const history = new History();
          for (const { facts, snapshotEvery } of steps) {
            const appends = history.appendsFor(facts);
            if (appends.length) await store.appendToStreams(appends);
            if (snapshotEvery !== null) await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: snapshotEvery, maxAgeMs: 0 });
          }
          const fromSnapshots = new ReadModelsAt(database.pool, CIVIC, adminUnitsProjection);
          const reference = new ReadModelsAt(database.pool, CIVIC, adminUnitsProjection, { fromSnapshots: false });
          for (const moment of await momentsOf(database.pool)) {
            expect({ moment, rows: await fromSnapshots.read(moment, everyRow) }).toEqual({ moment, rows: await reference.read(moment, everyRow) });
          }
        } finally {
          await snapshots.end();
        }
      }),
      { numRuns: 12, seed: 280_038, endOnFailure: true },
    );
  });

  it('replays no more than the events between two snapshots, and writes again only the rows of streams that changed', async () => {
    const database = await freshDatabase();
    const snapshots = snapshotPool(database.url);
    try {
      const store = new PostgresEventStore(database.pool, ANY_EVENT);
      const history = new History();
      // A long history, snapshotted after it was written: every 10 events, cut between transactions.
      for (let i = 0; i < 60; i += 1) await store.appendToStreams(history.appendsFor([{ kind: 'meeting', unit: i % 3, year: 2021, attendees: i }]));
      const taken = await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 10, maxAgeMs: 0 });
      expect(taken).toEqual({ snapshots: 6, events: 60 });

      // One correction more: the next snapshot writes that meeting's row again, and no other.
      await store.appendToStreams(history.appendsFor([{ kind: 'correction', target: 5, unit: 1, attendees: 7 }]));
      expect(await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 10, maxAgeMs: 0 })).toEqual({ snapshots: 1, events: 1 });
      const { rows } = await database.pool.query(`SELECT count(*)::int AS rows FROM ${SNAPSHOT_SCHEMA}.rm_meetings WHERE valid_from = 7`);
      expect(rows[0].rows).toBe(1);

      // Any moment of the history replays at most the events of one interval.
      const { rows: recorded } = await database.pool.query<{ at: Date }>('SELECT recorded_at AS at FROM events ORDER BY global_position');
      for (const { at } of recorded) {
        const client = await database.pool.connect();
        try {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
          await client.query('CREATE TEMPORARY TABLE projected_streams (LIKE public.projected_streams INCLUDING ALL) ON COMMIT DROP');
          const replayed = await viewAsOfSnapshot(client, snapshotTables(CIVIC), new ProjectionRunner(CIVIC), CIVIC.flatMap((p) => p.eventTypes), at, () => undefined);
          expect(replayed).toBeLessThanOrEqual(10);
        } finally {
          await client.query('ROLLBACK');
          client.release();
        }
      }
    } finally {
      await snapshots.end();
    }
  });

  it('catches up with a snapshot for the rest only once its oldest event is older than the age allowed', async () => {
    const database = await freshDatabase();
    const snapshots = snapshotPool(database.url);
    try {
      const store = new PostgresEventStore(database.pool, ANY_EVENT);
      await store.appendToStreams(new History().appendsFor([{ kind: 'meeting', unit: 0, year: 2021, attendees: null }]));
      expect(await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 100, maxAgeMs: 3_600_000 })).toEqual({ snapshots: 0, events: 0 });
      expect(await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 100, maxAgeMs: 0 })).toEqual({ snapshots: 1, events: 1 });
      expect(await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 100, maxAgeMs: 0 })).toEqual({ snapshots: 0, events: 0 });
    } finally {
      await snapshots.end();
    }
  });

  it('are dropped by a rebuild, and derived again from the log by the next catch-up', async () => {
    const database = await freshDatabase();
    const snapshots = snapshotPool(database.url);
    try {
      const store = new PostgresEventStore(database.pool, ANY_EVENT);
      const history = new History();
      await store.appendToStreams(history.appendsFor([{ kind: 'meeting', unit: 0, year: 2021, attendees: 3 }, { kind: 'grant', unit: 1, joint: 0, year: 2021 }]));
      await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 1, maxAgeMs: 0 });

      await new ShadowRebuild(database.url, CIVIC, { threads: 1 }).run();
      const { rows } = await database.pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = '${SNAPSHOT_SCHEMA}'`);
      expect(rows).toEqual([]);

      expect(await new ReadModelSnapshots(snapshots, CIVIC).catchUp({ everyEvents: 1, maxAgeMs: 0 })).toEqual({ snapshots: 1, events: 2 });
      const now = new Date();
      const reference = new ReadModelsAt(database.pool, CIVIC, adminUnitsProjection, { fromSnapshots: false });
      expect(await new ReadModelsAt(database.pool, CIVIC, adminUnitsProjection).read(now, everyRow)).toEqual(await reference.read(now, everyRow));
    } finally {
      await snapshots.end();
    }
  });
});
