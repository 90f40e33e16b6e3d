import { Pool, PoolClient } from 'pg';
import { NewEvent, RecordedEvent } from '../event-envelope';
import { AppendRequest, AppendResult, EventLog, IdempotencyClaim, LogCheckpoint, SavedCheckpoint } from '../event-log';
import { IdempotencyKeyReused, StreamVersionConflict } from '../event-store.errors';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';
import { CommitNotifier } from './commit-notifier';
import { insertAppendClaimingKey, insertAppends, PreparedAppend, prepareAppend } from './event-rows';
import { GapFreeLogReader, PostgresLogFollower } from './log-reader';
import { GroupCommit, GroupCommitOptions, Outcome } from './group-commit';
import { queryKeepingConnection } from './pooled-statement';
import { EventContract } from '../event-contract';
import { rollBack } from '@civic/database';

export { EVENTS_CHANNEL } from './commit-notifier';

/** An append committed: its answer, and the position of each of its events in version order. */
interface CommittedAppend {
  readonly result: AppendResult;
  readonly positions: readonly string[];
}

export interface EventStoreOptions {
  /** How appends without an idempotency key share transactions (docs/adr/0015). */
  readonly groupCommit?: GroupCommitOptions;
}

/** Measured with `npm run bench -- --only=append` (docs/performance.md). */
const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxInFlight: 3, maxBatch: 100 };

const UNIQUE_VIOLATION = '23505';

/**
 * The event log in Postgres (EventLog). The database decides concurrency: UNIQUE(stream_id, stream_version) refuses
 * the second writer of a version, and that refusal becomes a StreamVersionConflict. Nothing is pre-checked with
 * SELECT max(version). How it is made fast (group commit, rows serialized once, one planned statement, the commit
 * notifier) stays in this folder; callers see EventLog.
 */
export class PostgresEventStore implements EventLog {
  private readonly notifier: CommitNotifier;
  private readonly log: GapFreeLogReader;
  private readonly follower: PostgresLogFollower;
  private readonly groupCommit: GroupCommit<AppendRequest & PreparedAppend, CommittedAppend>;

  constructor(
    private readonly pool: Pool,
    /** Every event is checked against it before anything of its append is written. */
    private readonly contract: EventContract,
    { groupCommit = DEFAULT_GROUP_COMMIT }: EventStoreOptions = {},
  ) {
    this.notifier = new CommitNotifier(pool);
    this.log = new GapFreeLogReader(pool);
    this.follower = new PostgresLogFollower(pool);
    this.groupCommit = new GroupCommit(
      {
        commit: (batch) => this.commitTogether(batch),
        keyOf: (request) => request.streamId,
        refusalAfter: (waiting, committed) =>
          waiting.expectedVersion < committed.result.streamVersion ? new StreamVersionConflict(waiting.streamId, waiting.expectedVersion) : undefined,
      },
      groupCommit,
    );
  }

  /**
   * A stream's events in order; `afterVersion` reads only those after it, for a writer that holds the state at
   * that version and catches up (after a StreamVersionConflict, say) instead of reading the history again.
   */
  async readStream(streamId: string, { afterVersion = 0 }: { afterVersion?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
      [streamId, afterVersion],
    );
    return rows.map(toRecordedEvent);
  }

  /** The result stored for an idempotency key, if the same request was already accepted. */
  async findIdempotentResult(claim: IdempotencyClaim): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<{ request_hash: string; result: AppendResult }>(
      'SELECT request_hash, result FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [claim.scope, claim.key],
    );
    if (!rows.length) return undefined;
    if (rows[0].request_hash !== claim.requestHash) throw new IdempotencyKeyReused(claim.key);
    return rows[0].result;
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    if (!request.events.length) throw new Error('Nothing to append');
    this.checkContract(request);
    const prepared = prepareAppend(request);
    if (request.idempotency) return this.appendClaimingKey(prepared, request.idempotency);
    return (await this.groupCommit.submit(prepared)).result;
  }

  private checkContract({ events }: { readonly events: readonly NewEvent[] }): void {
    for (const event of events) this.contract.check(event);
  }

  /** The stream's last version, 0 when it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number | null }>('SELECT max(stream_version) AS version FROM events WHERE stream_id = $1', [streamId]);
    return rows[0].version ?? 0;
  }

  /**
   * Appends without an idempotency key, in one INSERT statement: one round trip, one commit, atomic. An append
   * that conflicts is refused alone; a row error (a duplicate) fails the statement, and then each append is
   * tried alone so that only the faulty one is refused.
   */
  private async commitTogether(batch: readonly (AppendRequest & PreparedAppend)[]): Promise<Outcome<CommittedAppend>[]> {
    // Rows take their locks in stream order in every batch, so two concurrent batches can never deadlock.
    const order = batch.map((_, index) => index).sort((a, b) => (batch[a].streamId < batch[b].streamId ? -1 : 1));
    const notifying = this.notifier.takeStatementTurn();
    try {
      const { rows } = await queryKeepingConnection<{ position: string; stream_id: string; stream_version: number }>(
        this.pool,
        insertAppends(order.map((i) => batch[i]), 'global_position::text AS position, stream_id, stream_version', { notifying }),
      );
      const outcomes = batch.map((request) => appendOutcome(request, rows.filter((row) => row.stream_id === request.streamId)));
      if (rows.length && !notifying) this.notifier.notify(rows.map((row) => BigInt(row.position)).reduce((a, b) => (b > a ? b : a)).toString());
      return outcomes;
    } catch (error) {
      if (batch.length > 1 && isRowError(error)) {
        return Promise.all(batch.map(async (request) => (await this.commitTogether([request]))[0]));
      }
      return batch.map((request) => ({ ok: false, error: translate(error, request) }));
    }
  }

  /** The events and the idempotency key in one statement: a retry finds the key, a race leaves nothing behind. */
  private async appendClaimingKey(request: PreparedAppend, claim: IdempotencyClaim): Promise<AppendResult> {
    const notifying = this.notifier.takeStatementTurn();
    try {
      const { rows } = await queryKeepingConnection<{ result: AppendResult }>(this.pool, insertAppendClaimingKey(request, claim, { notifying }));
      if (!rows.length) throw new StreamVersionConflict(request.streamId, request.expectedVersion);
      if (!notifying) this.notifier.notify(rows[0].result.position);
      return rows[0].result;
    } catch (error) {
      const pgError = error as { code?: string; constraint?: string };
      if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'idempotency_keys_pkey') {
        // A concurrent request with the same key committed first; ours left nothing behind.
        const first = await this.findIdempotentResult(claim);
        if (!first) throw new Error(`Idempotency key ${claim.key} vanished`);
        return first;
      }
      if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_event_id_unique') {
        // A retry that carries the same events meets them before it meets its key.
        const first = await this.findIdempotentResult(claim);
        if (first) return first;
      }
      throw translate(error, request);
    }
  }

  /** All or none; the first request's idempotency key is claimed in the transaction, with its result. */
  appendMany(requests: readonly AppendRequest[]): Promise<RecordedEvent[]> {
    const claim = requests[0]?.idempotency;
    if (!claim) return this.appendToStreams(requests);
    return this.appendToStreams(requests, async (sql, recorded) => {
      const mine = recorded.filter((event) => event.streamId === requests[0].streamId);
      const last = mine[mine.length - 1];
      const result: AppendResult = { streamId: last.streamId, streamVersion: last.streamVersion, eventIds: mine.map((event) => event.eventId), position: last.position };
      await sql.query('INSERT INTO idempotency_keys (scope, key, request_hash, result) VALUES ($1, $2, $3, $4)', [claim.scope, claim.key, claim.requestHash, JSON.stringify(result)]);
    });
  }

  /** The whole log in commit order, never past a transaction that may still commit (GapFreeLogReader). */
  readAfter(checkpoint: LogCheckpoint, limit: number): Promise<RecordedEvent[]> {
    return this.log.readAfter(checkpoint, limit);
  }

  /** The relay's look at the log: one statement that reads, counts what is held back and saves (GapFreeLogReader.follow). */
  follow(after: LogCheckpoint, limit: number, save?: SavedCheckpoint): Promise<{ events: RecordedEvent[]; heldBack: number }> {
    return this.follower.follow(after, limit, save);
  }

  loadCheckpoint(reader: string): Promise<LogCheckpoint> {
    return this.follower.loadCheckpoint(reader);
  }

  saveCheckpoint(reader: string, checkpoint: LogCheckpoint): Promise<void> {
    return this.follower.saveCheckpoint(reader, checkpoint);
  }

  /**
   * Appends to many streams in one transaction, all or nothing (an import of an official list). A request whose
   * stream is not at its `expectedVersion` refuses the whole transaction; the UNIQUE constraint still decides any
   * race. `alsoInTransaction` runs with the recorded events before commit (inline projections).
   */
  async appendToStreams(
    requests: readonly AppendRequest[],
    alsoInTransaction: (sql: PoolClient, recorded: readonly RecordedEvent[]) => Promise<void> = async () => undefined,
  ): Promise<RecordedEvent[]> {
    if (!requests.length) return [];
    for (const request of requests) this.checkContract(request);
    const prepared = requests.map(prepareAppend);
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      // The statement leaves out the rows of a stream not at its expected version: any shortfall refuses them all.
      const { rows } = await client.query<EventRow>(insertAppends(prepared, EVENT_COLUMNS));
      const inserted = new Map<string, number>();
      for (const row of rows) inserted.set(row.stream_id, (inserted.get(row.stream_id) ?? 0) + 1);
      for (const request of requests) {
        if (inserted.get(request.streamId) !== request.events.length) {
          throw new StreamVersionConflict(request.streamId, request.expectedVersion);
        }
      }
      const recorded = rows.map(toRecordedEvent).sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
      await alsoInTransaction(client, recorded);
      await client.query('COMMIT');
      this.notifier.notify(recorded[recorded.length - 1].position);
      return recorded;
    } catch (error) {
      broken = await rollBack(client);
      const pgError = error as { code?: string; constraint?: string };
      if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_stream_version_unique') {
        throw new StreamVersionConflict('(one of the streams)', -1);
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** The rows inserted for one append: all of its events, or none because its version was not the stream's. */
function appendOutcome(request: AppendRequest, rows: readonly { position: string; stream_version: number }[]): Outcome<CommittedAppend> {
  if (rows.length !== request.events.length) return { ok: false, error: new StreamVersionConflict(request.streamId, request.expectedVersion) };
  const inOrder = [...rows].sort((a, b) => a.stream_version - b.stream_version);
  const last = inOrder[inOrder.length - 1];
  return {
    ok: true,
    result: {
      result: { streamId: request.streamId, streamVersion: last.stream_version, eventIds: request.events.map((e) => e.eventId), position: last.position },
      positions: inOrder.map((row) => row.position),
    },
  };
}

/** An error one row causes (a duplicate, bad data, a refused link, a deadlock), not the connection or the server. */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('22') || code.startsWith('23') || code.startsWith('40') || code === 'P0001';
}

function translate(error: unknown, request: AppendRequest): unknown {
  const pgError = error as { code?: string; constraint?: string };
  if (pgError.code === UNIQUE_VIOLATION && pgError.constraint === 'events_stream_version_unique') {
    return new StreamVersionConflict(request.streamId, request.expectedVersion);
  }
  return error;
}
