import { inPartition, LOG_START, LogCheckpoint, LogPartition, RecordedEvent } from '@civic/event-store';
import { Projection, SqlExecutor } from '../projection';
import { DeadLetterWriter, OPEN } from './dead-letters/dead-letter-store';
import { isTransient } from './dead-letters/transient-error';
import { withBulkLoad } from './bulk-load';

export interface ApplyOptions {
  /**
   * Run each projection of each event in a savepoint and park the events that fail (a dead letter) instead of
   * failing the transaction. Costs two round trips per event, so callers try without it first.
   */
  readonly isolateFailures?: boolean;
}

/**
 * Runs a batch the fast way first; if it fails for a reason of its own (not a lost connection or a conflict),
 * runs it again with one savepoint per event, so what cannot be applied is parked and the rest goes through.
 */
export async function applyParkingFailures<T>(run: (options: ApplyOptions) => Promise<T>): Promise<T> {
  try {
    return await run({ isolateFailures: false });
  } catch (error) {
    if (isTransient(error)) throw error;
    return run({ isolateFailures: true });
  }
}

/**
 * How a feed's events are claimed. `live` (Kafka, a rebuild's catch-up, time travel, the registry import): each
 * batch claims its events, so a stream version already applied (a redelivery) is passed over. `replay` (a rebuild
 * into empty tables, which meets each event of the log once and in order): a batch claims nothing, passes over only
 * the streams held behind a dead letter, and loads its new rows with COPY (withBulkLoad); `claimReplayedStreams`
 * records every stream's version from the log once the replay is done.
 */
export type ClaimMode = 'live' | 'replay';

/**
 * Runs events through every projection that wants them, each event at most once per projection, whatever feeds
 * it. Streams are keyed to one partition, so versions of one stream arrive in order. A stream with a parked
 * (dead-lettered) event holds its later events behind it, so a record is never projected with a version missing;
 * other streams flow on. Claims and dead letters are kept here; offsets by the feed (KafkaProjector), in the
 * same transaction.
 */
export class ProjectionRunner {
  constructor(
    private readonly projections: readonly Projection[],
    private readonly mode: ClaimMode = 'live',
  ) {}

  projection(name: string): Projection {
    const found = this.projections.find((p) => p.name === name);
    if (!found) throw new Error(`No projection is named ${name}`);
    return found;
  }

  /** The projections that take the event. */
  wants(event: RecordedEvent): Projection[] {
    return this.projections.filter((p) => p.eventTypes.includes(event.type));
  }

  /**
   * Applies the events, one or many, in log order, with the bookkeeping of each projection in one statement for
   * all of them. With `isolateFailures` each event goes to each projection in a savepoint of its own, claimed the
   * live way, and one that fails is parked instead of failing the transaction.
   *
   * Claims are safe without per-event upserts because no two transactions apply the same stream at once: the
   * projector locks its partition's offset row first, retries and rebuild swaps hold the dead-letter lock.
   */
  async apply(sql: SqlExecutor, events: readonly RecordedEvent[], { isolateFailures = false }: ApplyOptions = {}): Promise<number> {
    if (!isolateFailures) return this.applyTogether(sql, events, this.mode);
    let applied = 0;
    for (const event of events) applied += await this.applyIsolated(sql, event);
    return applied;
  }

  /** Applies one event to one projection now, whatever is parked: an operator's retry of a dead letter. */
  async retry(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    await this.advance(sql, projection, event);
    await projection.handle([event], { sql });
  }

  /** Marks the event as dealt with for the projection without applying it: an operator's skip of a dead letter. */
  skip(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    return this.advance(sql, projection, event);
  }

  private async applyTogether(sql: SqlExecutor, events: readonly RecordedEvent[], mode: ClaimMode, projections = this.projections): Promise<number> {
    const held = mode === 'replay' ? await heldStreams(sql, events) : undefined;
    const executor = mode === 'replay' ? withBulkLoad(sql) : sql;
    let applied = 0;
    for (const projection of projections) {
      const wanted = events.filter((event) => projection.eventTypes.includes(event.type));
      if (!wanted.length) continue;
      const claimed = held ? await this.passHeld(sql, projection, wanted, held) : await this.claim(sql, projection, wanted);
      if (claimed.length) await projection.handle(claimed, { sql: executor });
      applied += claimed.length;
    }
    return applied;
  }

  private async applyIsolated(sql: SqlExecutor, event: RecordedEvent): Promise<number> {
    let applied = 0;
    for (const projection of this.wants(event)) {
      await sql.query('SAVEPOINT projection_event');
      try {
        applied += await this.applyTogether(sql, [event], 'live', [projection]);
        await sql.query('RELEASE SAVEPOINT projection_event');
      } catch (error) {
        await sql.query('ROLLBACK TO SAVEPOINT projection_event');
        if (isTransient(error)) throw error;
        await this.settleFailure(sql, projection, event, error);
      }
    }
    return applied;
  }

  /**
   * Marks the projection as having applied the events it may apply (a later version than it has, its stream not
   * held behind a dead letter) and answers them, in order; a held event is recorded as waiting. A version seen
   * twice in one batch (a redelivery) is claimed once.
   */
  private async claim(sql: SqlExecutor, projection: Projection, events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const unique = onceEach(events);
    const { rows } = await sql.query<{ n: number; accepted: boolean; blocked: boolean }>(
      CLAIM_UNLESS_APPLIED,
      [projection.name, unique.map((e) => e.streamId), unique.map((e) => e.streamVersion), unique.map((e) => e.position)],
    );
    const accepted: RecordedEvent[] = [];
    for (const row of rows) {
      const event = unique[row.n - 1];
      if (row.accepted) accepted.push(event);
      else if (row.blocked) await this.holdIfUndecided(sql, projection, event);
    }
    return accepted;
  }

  /** A replay's batch: its events in order, but those of streams held behind a dead letter, recorded as waiting. */
  private async passHeld(sql: SqlExecutor, projection: Projection, events: readonly RecordedEvent[], held: ReadonlySet<string>): Promise<RecordedEvent[]> {
    const passed: RecordedEvent[] = [];
    for (const event of events) {
      if (held.has(heldKey(projection.name, event.streamId))) await this.holdIfUndecided(sql, projection, event);
      else passed.push(event);
    }
    return passed;
  }

  private async holdIfUndecided(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    const deadLetters = new DeadLetterWriter(sql);
    if (!(await deadLetters.decided(projection.name, event))) await deadLetters.holdBehind(projection.name, event);
  }

  /** A failing event an operator already skipped stays skipped (a rebuild meets it again); others are parked. */
  private async settleFailure(sql: SqlExecutor, projection: Projection, event: RecordedEvent, error: unknown): Promise<void> {
    const deadLetters = new DeadLetterWriter(sql);
    if ((await deadLetters.decided(projection.name, event)) === 'SKIPPED') await this.advance(sql, projection, event);
    else await deadLetters.park(projection.name, event, error);
  }

  private async advance(sql: SqlExecutor, projection: Projection, event: RecordedEvent): Promise<void> {
    await sql.query(
      `INSERT INTO projected_streams (projection, stream_id, stream_version, global_position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (projection, stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
       WHERE projected_streams.stream_version < EXCLUDED.stream_version`,
      [projection.name, event.streamId, event.streamVersion, event.position],
    );
  }
}

const BATCH_CLAIMS = `WITH batch AS (
  SELECT * FROM unnest($2::text[], $3::int[], $4::bigint[]) WITH ORDINALITY AS b(stream_id, stream_version, global_position, n)
)`;
const BLOCKED = `EXISTS (SELECT 1 FROM projection_dead_letters d WHERE d.projection = $1 AND d.stream_id = b.stream_id AND d.${OPEN})`;

/** Claims the batch's events whose stream is not held and whose version is later than the one applied. */
const CLAIM_UNLESS_APPLIED = `${BATCH_CLAIMS}, judged AS (
    SELECT b.*, ${BLOCKED} AS blocked,
           (SELECT p.stream_version FROM projected_streams p WHERE p.projection = $1 AND p.stream_id = b.stream_id) AS done
    FROM batch b
  ), accepted AS (
    SELECT * FROM judged WHERE NOT blocked AND (done IS NULL OR stream_version > done)
  ), claimed AS (
    INSERT INTO projected_streams (projection, stream_id, stream_version, global_position)
    SELECT DISTINCT ON (stream_id) $1, stream_id, stream_version, global_position FROM accepted ORDER BY stream_id, stream_version DESC
    ON CONFLICT (projection, stream_id) DO UPDATE
      SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
      WHERE projected_streams.stream_version < EXCLUDED.stream_version
  )
  SELECT n::int AS n, (NOT blocked AND (done IS NULL OR stream_version > done)) AS accepted, blocked FROM judged ORDER BY judged.n`;

/** The events once each: a version seen twice in one batch (a redelivery) is claimed once. */
function onceEach(events: readonly RecordedEvent[]): RecordedEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = `${event.streamId}\u0000${event.streamVersion}`;
    return !seen.has(key) && seen.add(key);
  });
}

const heldKey = (projection: string, streamId: string) => `${projection}\u0000${streamId}`;

/** The (projection, stream) pairs of the batch's streams held behind an open dead letter: usually none. */
async function heldStreams(sql: SqlExecutor, events: readonly RecordedEvent[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ projection: string; stream_id: string }>(
    `SELECT DISTINCT projection, stream_id FROM projection_dead_letters WHERE ${OPEN} AND stream_id = ANY($1::text[])`,
    [[...new Set(events.map((event) => event.streamId))]],
  );
  return new Set(rows.map((row) => heldKey(row.projection, row.stream_id)));
}

/** Which part of a replay claimReplayedStreams records: the log after a checkpoint, or one partition's streams. */
export interface ReplayedPart {
  readonly after?: LogCheckpoint;
  readonly partition?: LogPartition;
}

/**
 * Records what a replay up to `upTo` applied, as per-batch claims would have: for each projection, every stream's
 * latest version among the projection's events in the log up to the checkpoint, short of the stream's first open
 * dead letter (from there on its events were held, not applied). One statement, one pass over the log, instead of
 * a claim per event; a version already recorded (an event applied one by one during the replay) stays if it is
 * later. `projected_streams` and the log must be in one database: a rebuild's shadow schema beside the live one. A
 * replay split in parts (threads by partition, then the log's tail) records each part when it is done.
 */
export async function claimReplayedStreams(sql: SqlExecutor, projections: readonly Projection[], upTo: LogCheckpoint, { after = LOG_START, partition }: ReplayedPart = {}): Promise<void> {
  const wanted = projections.flatMap((projection) => projection.eventTypes.map((type) => [projection.name, type]));
  await sql.query(
    `INSERT INTO projected_streams (projection, stream_id, stream_version, global_position)
     SELECT DISTINCT ON (w.projection, e.stream_id) w.projection, e.stream_id, e.stream_version, e.global_position
     FROM events e JOIN unnest($1::text[], $2::text[]) AS w(projection, event_type) ON w.event_type = e.event_type
     WHERE (e.transaction_id, e.global_position) > ($3::xid8, $4::bigint)
       AND (e.transaction_id, e.global_position) <= ($5::xid8, $6::bigint)
       AND ${partition ? inPartition('e.stream_id', partition) : 'true'}
       AND NOT EXISTS (SELECT 1 FROM projection_dead_letters d
                       WHERE d.projection = w.projection AND d.stream_id = e.stream_id AND d.stream_version <= e.stream_version AND d.${OPEN})
     ORDER BY w.projection, e.stream_id, e.stream_version DESC
     ON CONFLICT (projection, stream_id) DO UPDATE
       SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
       WHERE projected_streams.stream_version < EXCLUDED.stream_version`,
    [wanted.map(([name]) => name), wanted.map(([, type]) => type), after.transactionId, after.position, upTo.transactionId, upTo.position],
  );
}
